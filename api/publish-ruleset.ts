import type { EntityManager } from '@mikro-orm/sql';
import { defaultInFlight, inFlightProblem, type InFlightPolicy } from '../domain/in-flight-policy.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { log } from '../logging/logger.ts';
import { appendAudit } from '../store/audit-log.ts';
import { publishVersion } from '../store/rulesets.ts';
import { relayAnnouncements } from './announcement-relay.ts';
import type { ApiDeps } from './api-deps.ts';
import { UserError } from './errors.ts';
import { announcePublished } from './rules-published.ts';
import { failingCases, refuseFailing } from './stored-test-cases.ts';
import { announceRulesetWebhook } from './webhooks/ruleset-published-event.ts';

/** What a publish asks for besides the rules and the note. */
export interface PublishAsk {
  effectiveFrom?: string;
  basedOn?: number;
  override?: { reason: string };
  inFlight?: InFlightPolicy;
}

/** A publish that passed every check, ready to commit now or after an approval. */
export interface CheckedPublish {
  definition: RulesetDefinition;
  note: string;
  effectiveFrom: Date | undefined;
  basedOn: number | undefined;
  inFlight: InFlightPolicy;
  /** Set when stored cases fail and the publish overrides them. */
  override: { reason: string; failingCases: string[] } | undefined;
}

/** A browser's clock may run a little behind the server's: an effective time this close to now means now. */
const CLOCK_SKEW_MS = 60_000;

/**
 * The checks every publish passes, whoever commits it: an effective time not past, an in-flight policy that
 * applies to the decision point, and stored test cases passing or overridden with a reason (a rollback is
 * not held back by cases: it is the way back in an emergency).
 */
export async function checkPublish(em: EntityManager, definition: RulesetDefinition, note: string, ask: PublishAsk): Promise<CheckedPublish> {
  const effectiveFrom = ask.effectiveFrom ? new Date(ask.effectiveFrom) : undefined;
  if (effectiveFrom && effectiveFrom.getTime() < Date.now() - CLOCK_SKEW_MS) {
    throw new UserError(400, 'invalid_request', `The effective time ${ask.effectiveFrom} has passed: give a future time, or none to publish now.`, [{ path: 'effectiveFrom', message: 'must not be in the past' }]);
  }
  const dp = definition.decisionPoint;
  const later = effectiveFrom !== undefined && effectiveFrom.getTime() > Date.now();
  const inFlight = ask.inFlight ?? defaultInFlight(dp, later);
  const unfit = inFlightProblem(dp, inFlight, later);
  if (unfit) throw new UserError(400, 'invalid_request', `That in-flight policy cannot apply to the ${dp} rules: ${unfit}`, [{ path: 'inFlight', message: unfit }]);
  const failed = ask.basedOn ? [] : await failingCases(em, definition);
  if (failed.length > 0 && !ask.override) throw refuseFailing(failed);
  return { definition, note, effectiveFrom, basedOn: ask.basedOn, inFlight, override: failed.length > 0 ? { reason: ask.override!.reason, failingCases: failed.map((f) => f.name) } : undefined };
}

/**
 * Publishes a checked publish: the version, its audit entry and its announcements commit together, or none
 * does. `author` wrote the rules; `actor` published them (the approver, under four-eyes). `within` runs in
 * the same transaction (an approval claims its change request there).
 */
export async function commitPublish(deps: ApiDeps, p: CheckedPublish, who: { author: string; actor: string }, within?: (tx: EntityManager, version: number) => Promise<void>): Promise<number> {
  const dp = p.definition.decisionPoint;
  const v = await deps.store.em.fork().transactional(async (tx) => {
    const published = await publishVersion(tx, p.definition, { author: who.author, note: p.note, ...(p.effectiveFrom ? { effectiveFrom: p.effectiveFrom } : {}), ...(p.basedOn ? { basedOn: p.basedOn } : {}) });
    await within?.(tx, published);
    const data = {
      version: published,
      ...(p.effectiveFrom ? { effectiveFrom: p.effectiveFrom.toISOString() } : {}),
      ...(p.basedOn ? { basedOn: p.basedOn } : {}),
      inFlight: p.inFlight,
      ...(p.override ? { override: p.override } : {}),
      ...(who.actor !== who.author ? { author: who.author } : {}),
    };
    appendAudit(tx, { dedupeKey: `ruleset:${dp}@${published}`, subjectType: 'ruleset', subjectId: dp, action: 'ruleset_published', actor: who.actor, reason: p.note, data });
    if (p.inFlight !== 'keep') announcePublished(tx, dp, published, p.effectiveFrom);
    announceRulesetWebhook(tx, { decisionPoint: dp, version: published, note: p.note, author: who.author, effectiveFrom: p.effectiveFrom?.toISOString() ?? null, basedOn: p.basedOn ?? null });
    return published;
  });
  // Delivered now if it can be; else the workers' relay delivers it.
  await relayAnnouncements(deps).catch((err: unknown) => log.warn({ component: 'relay', err }, 'announcing the publication failed; the workers will'));
  return v;
}
