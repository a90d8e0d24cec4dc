import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { RulesetDefinition, RulesetVersionSummary, RulesetView } from '../domain/ruleset.ts';
import { RulesetVersionRecord } from './ruleset-version.entity.ts';
import { RulesetRecord } from './ruleset.entity.ts';
import { dateOf, sqlOn, type DateColumn } from './sql.ts';

/** One ruleset per decision point, named by it. */
export const rulesetIdOf = (decisionPoint: DecisionPointId) => decisionPoint;

const effectiveAt = (v: RulesetVersionRecord) => (v.effectiveFrom ?? v.publishedAt ?? new Date(8.64e15)).getTime();

/** The version in force at `now`: the newest published version whose effective time has come. */
function inForceVersion(versions: readonly RulesetVersionRecord[], now: Date): RulesetVersionRecord | undefined {
  return versions.filter((v) => v.status === 'published' && effectiveAt(v) <= now.getTime()).sort((a, b) => b.version - a.version)[0];
}

function summarize(v: RulesetVersionRecord, inForce: RulesetVersionRecord | undefined, now: Date): RulesetVersionSummary {
  const status =
    v.status === 'draft' ? 'draft' : effectiveAt(v) > now.getTime() ? 'scheduled' : v.version === inForce?.version ? 'published' : 'retired';
  return {
    version: v.version,
    status,
    author: v.author,
    note: v.note ?? null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    effectiveFrom: v.effectiveFrom?.toISOString() ?? null,
    basedOn: v.basedOn ?? null,
  };
}

async function load(em: EntityManager, decisionPoint: DecisionPointId, only?: 'published') {
  const ruleset = await em.findOne(RulesetRecord, { id: rulesetIdOf(decisionPoint) });
  const filter = only ? { rulesetId: rulesetIdOf(decisionPoint), status: only } : { rulesetId: rulesetIdOf(decisionPoint) };
  const versions = ruleset ? await em.find(RulesetVersionRecord, filter, { orderBy: { version: 'desc' } }) : [];
  return { ruleset, versions };
}

function view(ruleset: RulesetRecord, v: RulesetVersionRecord, inForce: RulesetVersionRecord | undefined, now: Date): RulesetView {
  return { ...summarize(v, inForce, now), id: ruleset.id, decisionPoint: ruleset.decisionPoint as DecisionPointId, name: v.definition.name, definition: v.definition };
}

/** The version of a decision point's ruleset in force now, or null when none is. */
export async function findPublishedRuleset(em: EntityManager, decisionPoint: DecisionPointId, now = new Date()): Promise<RulesetView | null> {
  // Every decision asks this, so it reads the published versions only.
  const { ruleset, versions } = await load(em, decisionPoint, 'published');
  const inForce = inForceVersion(versions, now);
  return ruleset && inForce ? view(ruleset, inForce, inForce, now) : null;
}

/** A published version as the decisions read it: enough to tell which one is in force. */
export type PublishedVersionRow = { version: number; published_at: DateColumn | null; effective_from: DateColumn | null };

/**
 * findPublishedRuleset for the decisions every order asks for: which version is in force is read each
 * time, with one light query (or from `published`, read with the order by `readDecisionInput`); the
 * version itself is read once, as a published version never changes.
 */
export function publishedRulesets(): (em: EntityManager, decisionPoint: DecisionPointId, now?: Date, published?: readonly PublishedVersionRow[]) => Promise<RulesetView | null> {
  const views = new Map<string, RulesetView>();
  return async (em, decisionPoint, now = new Date(), published) => {
    const id = rulesetIdOf(decisionPoint);
    const rows = published ?? (await sql<PublishedVersionRow>`select version, published_at, effective_from from ruleset_versions where ruleset_id = ${id} and status = ${'published'}`.execute(sqlOn(em))).rows;
    const inForce = rows.filter((r) => dateOf(r.effective_from ?? r.published_at ?? 8.64e15).getTime() <= now.getTime()).sort((a, b) => b.version - a.version)[0];
    if (!inForce) return null;
    const key = `${id}@${inForce.version}`;
    const known = views.get(key);
    if (known) return known;
    const view = await findPublishedRuleset(em, decisionPoint, now);
    if (view?.version === inForce.version) views.set(key, view);
    return view;
  };
}

/** One version (or the draft, with `version: 'draft'`), or null. */
export async function findVersion(em: EntityManager, decisionPoint: DecisionPointId, version: number | 'draft', now = new Date()): Promise<RulesetView | null> {
  const { ruleset, versions } = await load(em, decisionPoint);
  const found = versions.find((v) => (version === 'draft' ? v.status === 'draft' : v.version === version && v.status !== 'draft'));
  return ruleset && found ? view(ruleset, found, inForceVersion(versions, now), now) : null;
}

/** A ruleset at a glance, from one read: its name, the version in force and the draft, if any. */
export async function rulesetOverview(em: EntityManager, decisionPoint: DecisionPointId, now = new Date()) {
  const { ruleset, versions } = await load(em, decisionPoint);
  const inForce = inForceVersion(versions, now);
  const draft = versions.find((v) => v.status === 'draft');
  return {
    name: inForce?.definition.name ?? null,
    inForce: inForce && ruleset ? summarize(inForce, inForce, now) : null,
    draft: draft ? summarize(draft, inForce, now) : null,
  };
}

export async function listVersions(em: EntityManager, decisionPoint: DecisionPointId, now = new Date()): Promise<RulesetVersionSummary[]> {
  const { versions } = await load(em, decisionPoint);
  const inForce = inForceVersion(versions, now);
  return versions.map((v) => summarize(v, inForce, now));
}

async function rulesetFor(tx: EntityManager, decisionPoint: DecisionPointId, name: string): Promise<RulesetRecord> {
  return (await tx.findOne(RulesetRecord, { id: rulesetIdOf(decisionPoint) })) ?? tx.create(RulesetRecord, { id: rulesetIdOf(decisionPoint), decisionPoint, name });
}

/** Creates or replaces the one draft of a ruleset; it takes the next version number when published. */
export async function saveDraft(em: EntityManager, definition: RulesetDefinition, author: string): Promise<void> {
  await em.transactional(async (tx) => {
    const ruleset = await rulesetFor(tx, definition.decisionPoint, definition.name);
    const draft = await tx.findOne(RulesetVersionRecord, { rulesetId: ruleset.id, status: 'draft' });
    if (draft) {
      draft.definition = definition;
      draft.author = author;
      return;
    }
    const [latest] = await tx.find(RulesetVersionRecord, { rulesetId: ruleset.id }, { orderBy: { version: 'desc' }, limit: 1 });
    tx.create(RulesetVersionRecord, { rulesetId: ruleset.id, version: (latest?.version ?? 0) + 1, status: 'draft', definition, author, note: null, publishedAt: null, effectiveFrom: null, basedOn: null });
  });
}

export async function discardDraft(em: EntityManager, decisionPoint: DecisionPointId): Promise<boolean> {
  return (await em.nativeDelete(RulesetVersionRecord, { rulesetId: rulesetIdOf(decisionPoint), status: 'draft' })) > 0;
}

export interface PublishOptions {
  author: string;
  note: string;
  effectiveFrom?: Date;
  basedOn?: number;
}

/**
 * Publishes a definition as the next version (a pending draft is replaced by it). Published versions
 * are never edited, so every stored decision keeps pointing at exactly the rules it used.
 */
export async function publishVersion(em: EntityManager, definition: RulesetDefinition, options: PublishOptions): Promise<number> {
  return em.transactional(async (tx) => {
    const ruleset = await rulesetFor(tx, definition.decisionPoint, definition.name);
    await tx.nativeDelete(RulesetVersionRecord, { rulesetId: ruleset.id, status: 'draft' });
    const [latest] = await tx.find(RulesetVersionRecord, { rulesetId: ruleset.id }, { orderBy: { version: 'desc' }, limit: 1 });
    const version = (latest?.version ?? 0) + 1;
    tx.create(RulesetVersionRecord, {
      rulesetId: ruleset.id,
      version,
      status: 'published',
      definition,
      author: options.author,
      note: options.note,
      publishedAt: new Date(),
      effectiveFrom: options.effectiveFrom ?? null,
      basedOn: options.basedOn ?? null,
    });
    return version;
  });
}
