import type { OrderState, TimelineEntry } from '../../../domain/order.ts';
import { ROLE_LABELS, type Role } from '../../../domain/roles.ts';
import { humanize } from './labels.ts';
import { clause, finish } from './sentences.ts';

/** States an order does not leave: nothing more happens to it. */
export const FINISHED_STATES: readonly OrderState[] = ['closed', 'cancelled', 'rejected', 'split'];
export const isFinished = (state: OrderState) => FINISHED_STATES.includes(state);

const FINISHED_TEXT: Record<string, string> = {
  closed: 'Closed: this order is finished.',
  cancelled: 'Cancelled: this order is finished; nothing more happens to it.',
  rejected: 'Rejected: this order is finished; nothing more happens to it.',
  split: 'Split into parts: this order is finished, its parts carry on.',
};
/** What the drawer says of an order in an end state; null while it is still going. */
export const finishedText = (state: OrderState): string | null => FINISHED_TEXT[state] ?? null;

const words = (value: string | undefined) => (value ? humanize(value).toLowerCase() : '');
const aRole = (role: string | undefined) => {
  const name = role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : words(role) || 'a person';
  return /^(a|an) /.test(name) ? name : `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
};

/** "Fred", "the integration Warehouse" (an API token), or "Sluice" for what it did itself. */
export function actorName(actor: string): string {
  if (actor === 'system' || actor === 'nobody' || actor === '') return 'Sluice';
  return actor.startsWith('token:') ? `the integration ${actor.slice('token:'.length)}` : actor;
}

const byWhom = (entry: TimelineEntry) => (entry.actorDisplayName ? ` by ${entry.actorDisplayName}` : actorName(entry.actor) === 'Sluice' ? '' : ` by ${actorName(entry.actor)}`);

type Describe = (e: TimelineEntry, by: string) => string;
const INTAKE: Record<string, Describe> = {
  accept: () => 'Accepted by the intake rules',
  hold: (e) => `Held for ${words(e.details.holdType) || 'a check'} by the intake rules`,
  specialist_review: () => 'Sent by the intake rules to an order specialist',
  reject: () => 'Rejected by the intake rules',
};
const RETURN_DECIDED: Record<string, string> = { requeue: 'Back to the pool after its return', close: 'Closed after its return', escalate: 'Escalated after its return' };
const REMIT_DECIDED: Record<string, string> = { require_remit: 'Waiting for finance to confirm the cash', clear: 'Nothing to collect: cleared to close', finance_review: 'Sent to finance for review' };

const SENTENCES: Record<string, Describe> = {
  CAPTURED: () => 'Order taken in',
  VALIDATE: () => 'Validation started',
  INTAKE_DECIDED: (e, by) => (INTAKE[e.details.outcome ?? '']?.(e, by) ?? 'Intake decided'),
  PRIORITIZED: (e) => (e.details.score === undefined ? 'Priority scored' : `Priority scored ${e.details.score}`),
  REPRIORITIZED: (e) => `Priority scored again under new rules${e.details.score === undefined ? '' : `: ${e.details.score}`}`,
  RELEASE: (_, by) => `Released to its work area${by}`,
  FORCE_RELEASE: (_, by) => `Released past the work area's limit${by}`,
  ASSIGNED: (e) => (e.details.resource ? `Assigned to ${e.details.resource}` : 'Assigned'),
  ASSIGNMENT_FAILED: (e) => `No one could take it: escalated to ${aRole(e.details.role)}`,
  REASSIGN: (e, by) => `Reassigned${e.details.resource ? ` to ${e.details.resource}` : ''}${by}`,
  CLAIM: (_, by) => `Claimed for review${by}`,
  CLAIMED: (_, by) => `Claimed for review${by}`,
  UNCLAIM: (_, by) => `Claim given back${by}`,
  APPROVE: (_, by) => `Approved${by}`,
  REJECT: (_, by) => `Rejected${by}`,
  SPLIT: (e, by) => `Split${e.details.parts ? ` into ${e.details.parts} parts` : ''}${by}`,
  HOLD: (e, by) => `Held for ${words(e.details.holdType) || 'a check'}${by}`,
  RELEASE_HOLD: (e, by) => `${humanize(e.details.holdType ?? 'the')} hold cleared${by}`,
  START: (_, by) => `Work started${by}`,
  COMPLETE: (_, by) => `Completed${by}`,
  PICK_UP: (_, by) => `Picked up${by}`,
  STAGE: (_, by) => `Staged at the hub${by}`,
  DEPART: (_, by) => `Out for delivery${by}`,
  DELIVER: (e, by) => `Delivered${by}${e.details.amount === undefined ? '' : `, ${e.details.amount} collected`}`,
  FAIL_ATTEMPT: (_, by) => `Delivery attempt failed${by}`,
  RETURN: (e, by) => `Returned${by}${e.details.returnReason ? ` (${words(e.details.returnReason)})` : ''}`,
  RETURN_DECIDED: (e) => RETURN_DECIDED[e.details.outcome ?? ''] ?? 'Return decided',
  REMIT_DECIDED: (e) => REMIT_DECIDED[e.details.outcome ?? ''] ?? 'Remit decided',
  CONFIRM_REMIT: (e, by) => `Cash confirmed${by}${e.details.amount === undefined ? '' : `: ${e.details.amount}`}`,
  ESCALATE: (e, by) => `Escalated to ${aRole(e.details.role)}${by}`,
  RESOLVE: (e, by) => `Resolved${by}${e.details.to ? `, back to ${words(e.details.to)}` : ''}`,
  CANCEL: (_, by) => `Cancelled${by}`,
  CHANGE_PRIORITY: (e, by) => `Stated priority changed${e.details.statedPriority === undefined ? '' : ` to ${e.details.statedPriority}`}${by}`,
  RECONCILED: (e) => `Brought in step with its workflow: ${words(e.to)}`,
};

/**
 * One timeline entry as a sentence a person reads — "Held for credit by Fred Marsh: dispute." — with its reason
 * after a colon and exactly one full stop, however the reason ends; an entry into an end state says the
 * order is finished.
 */
export function timelineSentence(entry: TimelineEntry): string {
  const by = byWhom(entry);
  const describe = SENTENCES[entry.event];
  const head = describe ? describe(entry, by) : `${humanize(entry.event.toLowerCase())}${by}`;
  const reason = entry.reason?.trim() ? `: ${clause(entry.reason)}` : '';
  const end = isFinished(entry.to) && entry.from !== entry.to ? ' The order is finished.' : '';
  return `${finish(`${head}${reason}`)}${end}`;
}

/** "Queued → released": where the entry moved the order, in words. */
export function movedText(entry: TimelineEntry): string {
  return entry.from && entry.from !== entry.to ? `${humanize(entry.from)} → ${words(entry.to)}` : `Now ${words(entry.to)}`;
}

