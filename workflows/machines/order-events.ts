import type { HoldType, OrderState, ReturnReason } from '../../domain/lifecycle.ts';
import type { StatedPriority } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';

/** An event a person causes: who, and optionally why. */
type ByPerson<T extends string, Extra = object> = { type: T; actor: string; reason?: string } & Extra;

/** What the decision points and the work area tell the lifecycle. */
export type SystemEvent =
  | { type: 'INTAKE_DECIDED'; outcome: 'accept' | 'hold' | 'specialist_review' | 'reject'; holdType?: HoldType; reason?: string }
  | { type: 'PRIORITIZED'; score: number; decisionId: string }
  | { type: 'REPRIORITIZED'; score: number; decisionId: string }
  | { type: 'RELEASE'; workAreaId: string }
  | { type: 'ASSIGNED'; resource: string }
  | { type: 'ASSIGNMENT_FAILED'; reason: string; role: Role }
  | { type: 'RETURN_DECIDED'; outcome: 'requeue' | 'close' | 'escalate'; reason?: string; role?: Role }
  | { type: 'REMIT_DECIDED'; outcome: 'clear' | 'require_remit' | 'finance_review'; reason?: string };

/**
 * Set by the workflow only when it replays an action taken before claims held and remits were checked
 * (an order's history from then must replay as it ran): the event passes as it did then.
 */
type AsBefore = { asBefore?: true };
/** The person acts as an ops manager, who may take a specialist's claim over. */
type TakeOver = { takeOver?: true };

/** What people do; each arrives as a Temporal Update through `POST /orders/:id/actions`. */
export type HumanEvent =
  | ByPerson<'CLAIM', TakeOver & AsBefore>
  | ByPerson<'UNCLAIM', TakeOver>
  | ByPerson<'APPROVE', AsBefore>
  | ByPerson<'REJECT', { reason: string } & AsBefore>
  | ByPerson<'SPLIT', { parts: number[][] } & AsBefore>
  | ByPerson<'HOLD', { holdType: HoldType; reason: string }>
  | ByPerson<'RELEASE_HOLD', { holdType: HoldType }>
  | ByPerson<'FORCE_RELEASE', { reason: string }>
  | ByPerson<'REASSIGN', { resource: string; override?: { objection: string } } & TakeOver>
  | ByPerson<'START'>
  | ByPerson<'COMPLETE'>
  | ByPerson<'PICK_UP'>
  | ByPerson<'STAGE'>
  | ByPerson<'DEPART'>
  | ByPerson<'DELIVER', { amount?: number }>
  | ByPerson<'FAIL_ATTEMPT'>
  | ByPerson<'RETURN', { returnReason: ReturnReason; reason: string }>
  | ByPerson<'CONFIRM_REMIT', { amount?: number } & AsBefore>
  | ByPerson<'ESCALATE', { reason: string; role: Role }>
  | ByPerson<'RESOLVE', { to?: OrderState }>
  | ByPerson<'CANCEL', { reason: string }>
  | ByPerson<'CHANGE_PRIORITY', { statedPriority: StatedPriority }>;

export type OrderMachineEvent = SystemEvent | HumanEvent;
export type OrderEventType = OrderMachineEvent['type'];
