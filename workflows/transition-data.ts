import type { OrderMachineEvent } from './machines/order-events.ts';

/** What the audit log keeps of an event beyond its name, actor and reason. */
export function transitionData(event: OrderMachineEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'PRIORITIZED':
    case 'REPRIORITIZED':
      return { decisionId: event.decisionId, score: event.score };
    case 'INTAKE_DECIDED':
      return { outcome: event.outcome, ...(event.holdType ? { holdType: event.holdType } : {}) };
    case 'ASSIGNMENT_FAILED':
      return { role: event.role };
    case 'RETURN_DECIDED':
    case 'REMIT_DECIDED':
      return { outcome: event.outcome };
    case 'ESCALATE':
      return { role: event.role };
    case 'CHANGE_PRIORITY':
      return { statedPriority: event.statedPriority };
    case 'HOLD':
    case 'RELEASE_HOLD':
      return { holdType: event.holdType };
    case 'FORCE_RELEASE':
      // The one way past a WIP limit: marked so audits of the limit can tell it from a breach.
      return { override: true };
    case 'ASSIGNED':
      return { resource: event.resource };
    case 'REASSIGN':
      // A person's override of the assignment rules, with the objection overridden.
      return event.override ? { resource: event.resource, override: true, objection: event.override.objection } : { resource: event.resource };
    case 'RETURN':
      return { returnReason: event.returnReason };
    case 'DELIVER':
    case 'CONFIRM_REMIT':
      return event.amount === undefined ? null : { amount: event.amount };
    case 'SPLIT':
      return { parts: event.parts };
    case 'RESOLVE':
      return event.to ? { to: event.to } : null;
    default:
      return null;
  }
}
