import type { OrderState } from '../../../domain/order.ts';
import type { ReleaseJudgement } from '../../../domain/release-judgement.ts';
import { formatPoints } from '../format/labels.ts';

/** What the latest release cycle made of the order, in words: a heading, the why, and the score that ranked it. */
export function describeJudgement(j: ReleaseJudgement, state: OrderState, areaName: string) {
  const stillWaits = j.verdict === 'waiting' && (state === 'queued' || state === 'escalated');
  const heading = stillWaits ? 'Why it waits' : j.verdict === 'released' ? `Released into ${areaName}` : j.verdict === 'escalated' ? 'Escalated by a release cycle' : 'Last release cycle';
  const why = j.verdict === 'released' ? `Ranked ${ordinal(j.rank)} in ${areaName}'s pool, it fit the capacity and the release rules let it go.` : `${sentence(j.reason ?? 'No reason given')} Ranked ${ordinal(j.rank)} in ${areaName}'s pool.`;
  const parts = j.scoreRules.map((c) => `${formatPoints(c.points)} (${c.rule ?? 'unnamed rule'})`);
  const score = `${j.score}: ${parts.length === 0 ? 'no priority rule applied' : parts.join(' ')}${j.priorityVersion === null ? '' : `, priority rules version ${j.priorityVersion}`}`;
  return { heading, why, score, stillWaits };
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
