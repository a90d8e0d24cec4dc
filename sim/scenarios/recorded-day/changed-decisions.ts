import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import { compileRuleset, type CompiledRuleset } from '../../../rules/compile-ruleset.ts';
import { priorityFacts } from '../../../rules/priority-facts.ts';
import type { ReplayedDecision } from './replay-recorded-day.ts';

export interface ChangedDecision {
  orderId: string;
  before: string;
  after: string;
  explanation: string;
}

/** At most this many are listed, in arrival order: a draft that changes most of a large day needs no list of all of them to be understood. */
export const CHANGED_DECISIONS_LISTED = 1_000;

const clock = (at: Date) => at.toISOString().slice(11, 16);

/** A decision as a person reads it: the same words for the same decision, so two policies' can be compared as text. */
export function describeDecision(d: ReplayedDecision): string {
  if (d.outcome === 'released') return `released into ${d.areaId} at ${clock(d.at)}`;
  if (d.outcome === 'escalated') return `escalated at ${clock(d.at)}: ${d.reason}`;
  return `still waiting in ${d.areaId} at ${clock(d.at)}: ${d.reason}`;
}

/** The release rule that decided, in its explanation's words, or the cycle's own reason (capacity, status) when none did. */
function releaseReason(d: ReplayedDecision, release: CompiledRuleset | null): string {
  const rule = release?.evaluate(d.releaseFacts).rules.find((r) => r.applied);
  if (rule && (!d.reason || rule.sentence.includes(d.reason))) return rule.sentence;
  if (d.reason) return d.reason;
  return 'no release rule holds it back, and the area had room.';
}

/**
 * Why the draft decided as it did, in the words of the rules' explanations (rules/explain-evaluation.ts):
 * the priority rules that gave the order its score when the draft decided, why it waited before (its last
 * cycle in the pool), and the release rule that decided.
 */
function explain(d: ReplayedDecision, priority: CompiledRuleset | null, release: CompiledRuleset | null): string {
  const parts: string[] = [];
  if (priority) {
    const evaluation = priority.evaluate(priorityFacts(d.order, d.at));
    const applied = evaluation.rules.filter((r) => r.applied).map((r) => r.sentence);
    parts.push(`Priority ${evaluation.outcome.score ?? 0}${applied.length > 0 ? `: ${applied.join(' ')}` : ' (no priority rule applies).'}`);
  }
  if (d.waited) parts.push(`Waited (last at ${clock(d.waited.at)}): ${releaseReason(d.waited, release)}`);
  parts.push(`${d.outcome === 'released' ? 'Released' : d.outcome === 'escalated' ? 'Escalated' : 'Waits'}: ${releaseReason(d, release)}`);
  return parts.join(' ');
}

/**
 * The orders the draft decides otherwise than the reference policy on the same replayed day, in arrival
 * order (at most CHANGED_DECISIONS_LISTED), each with the draft's explanation.
 */
export function changedDecisions(
  orderIds: readonly string[],
  before: ReadonlyMap<string, ReplayedDecision>,
  after: ReadonlyMap<string, ReplayedDecision>,
  draft: { priority?: RulesetDefinition; release?: RulesetDefinition },
): ChangedDecision[] {
  const priority = draft.priority ? compileRuleset(draft.priority) : null;
  const release = draft.release ? compileRuleset(draft.release) : null;
  const changed: ChangedDecision[] = [];
  for (const orderId of orderIds) {
    const b = before.get(orderId);
    const a = after.get(orderId);
    if (!a || !b) continue;
    const [was, is] = [describeDecision(b), describeDecision(a)];
    if (was === is) continue;
    changed.push({ orderId, before: was, after: is, explanation: explain(a, priority, release) });
    if (changed.length === CHANGED_DECISIONS_LISTED) break;
  }
  return changed;
}
