import type { Escalation } from '../../../domain/order.ts';
import { RESOLVE_TARGETS } from '../../../domain/resolve-targets.ts';
import { humanize } from './labels.ts';
import { finish } from './sentences.ts';

/** Why the order waits in a queue and where resolving it may send it; the reason keeps its own closing stop. */
export function escalationNoteText(escalation: Escalation): string {
  const [back, ...alternatives] = RESOLVE_TARGETS[escalation.from].map((state) => humanize(state).toLowerCase());
  const or = alternatives.length > 0 ? ` (or to ${alternatives.join(' or ')})` : '';
  return `${finish(escalation.reason)} Resolving it sends the order back to ${back}${or}. Escalated from ${humanize(escalation.from).toLowerCase()}.`;
}
