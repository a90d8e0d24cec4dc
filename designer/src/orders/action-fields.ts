import type { HoldType, OrderState, ReturnReason, StatedPriority } from '../../../domain/order.ts';
import type { OrderActionRequest } from '../../../domain/order.ts';
import type { ActionChoices } from './action-availability.ts';
import { defaultLineParts } from './split-parts.ts';

/** What the person has entered or chosen next to the action buttons; each action takes the fields it needs. */
export interface ActionFields {
  reason: string;
  statedPriority: StatedPriority;
  holdType: HoldType | null;
  releaseHoldType: HoldType | null;
  resolveTo: OrderState | null;
  resource: string;
  /** For a reassignment the assignment rules object to: the person overrides them (audited). */
  override: boolean;
  returnReason: ReturnReason | null;
  escalateTo: NonNullable<OrderActionRequest['role']>;
  /** For a split: the part (from 1) each line goes to, by line index. */
  lineParts: number[];
  amount: number | null;
}

export function initialFields(lineCount: number): ActionFields {
  return {
    reason: '',
    statedPriority: 'high',
    // A hold a person places by hand is most often a manual one; the cause-specific types come from intake.
    holdType: 'manual',
    releaseHoldType: null,
    resolveTo: null,
    resource: '',
    override: false,
    // How a delivery came back matters to the return rules, so it is chosen, never assumed.
    returnReason: null,
    // Where an escalation goes when nobody says otherwise (the API's default too).
    escalateTo: 'dispatcher',
    lineParts: defaultLineParts(lineCount),
    amount: null,
  };
}

/** The chosen value while it is still an option, else the first option: holds come and go while the drawer is open. */
function pick<T>(chosen: T | null, options: readonly T[]): T | null {
  return chosen !== null && options.includes(chosen) ? chosen : (options[0] ?? null);
}

export function withChoices(fields: ActionFields, choices: ActionChoices): ActionFields {
  return {
    ...fields,
    holdType: pick(fields.holdType, choices.holdTypes),
    releaseHoldType: pick(fields.releaseHoldType, choices.releaseHoldTypes),
    resolveTo: pick(fields.resolveTo, choices.resolveTargets),
  };
}

/** What is left after an action went through: the choices stay, what was said about this action goes. */
export function afterAction(fields: ActionFields): ActionFields {
  return { ...fields, reason: '', resource: '', override: false, returnReason: null, amount: null };
}
