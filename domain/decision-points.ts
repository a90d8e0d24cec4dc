import { z } from 'zod';
import { RETURN_REASONS } from './returns/return-reasons.ts';
import { ROLES } from './roles.ts';

/** Where in the lifecycle rules decide. */
export const DECISION_POINTS = ['intake', 'priority', 'release', 'assignment', 'escalation', 'return', 'remit', 'rma'] as const;
export type DecisionPointId = (typeof DECISION_POINTS)[number];

/** How the outcomes of the rules that hold combine into one decision. */
export const HIT_POLICIES = ['first', 'collect', 'additive'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

export const FACT_TYPES = ['number', 'string', 'enum', 'boolean', 'list', 'date'] as const;
export type FactType = (typeof FACT_TYPES)[number];

export interface FactSpec {
  name: string;
  /** How a sentence names the fact ("planned release time"), where its name would not read well. */
  label?: string;
  type: FactType;
  unit?: string;
  /** For enum facts: the values it takes. */
  values?: readonly string[];
  description: string;
  example: unknown;
}

export interface OutcomeSpec {
  type: string;
  description: string;
  params: z.ZodObject;
}

export interface DecisionPointSpec {
  id: DecisionPointId;
  name: string;
  consultedWhen: string;
  facts: readonly FactSpec[];
  outcomes: readonly OutcomeSpec[];
  hitPolicies: readonly HitPolicy[];
  /** What is decided when no rule holds (first-match and collect). */
  fallback: { type: string; params: Record<string, unknown> } | null;
}

const HOLD_TYPES = ['credit', 'inventory', 'pricing', 'address', 'manual'] as const;
const KINDS = ['production', 'pick', 'on_demand', 'pickup', 'delivery', 'pickup_delivery'] as const;
const TIERS = ['standard', 'key', 'major'] as const;
const PAYMENT_MODES = ['prepaid', 'credit_terms', 'cod'] as const;
const PAYMENT_TERMS = ['prepaid', 'cash_on_delivery', 'net_15', 'net_30', 'net_45', 'net_60', 'net_90'] as const;
const CARRIERS = ['internal', 'prime', 'external', 'hybrid'] as const;
const STATED = ['low', 'normal', 'high', 'urgent'] as const;
const STATES = ['validating', 'queued', 'released', 'assigned', 'in_progress', 'picked_up', 'in_transit', 'on_hold', 'specialist_review', 'escalated', 'awaiting_remit'] as const;

const reason = z.strictObject({ reason: z.string().min(1) });
const escalate: OutcomeSpec = {
  type: 'escalate',
  description: "Hand the order to a role's queue with a reason.",
  params: z.strictObject({ role: z.enum(ROLES), reason: z.string().min(1) }),
};
const empty = z.strictObject({});

const fact = (name: string, type: FactType, description: string, example: unknown, extra: Partial<FactSpec> = {}): FactSpec => ({ name, type, description, example, ...extra });
const kind = fact('kind', 'enum', 'The order kind.', 'pick', { values: KINDS });
const orderValue = fact('orderValue', 'number', 'Sum of quantity × price over the lines.', 840, { unit: 'currency' });
const slackHours = fact('slackHours', 'number', 'Hours until the due time; negative once overdue.', 6.5, { unit: 'hours' });
const dueAt = fact('dueAt', 'date', 'When the order is due (a date and time with a zone).', '2026-12-24T17:00:00.000Z');
const accountTier = fact('accountTier', 'enum', "The customer account's tier: the account's on file, else what the order said; missing when neither says.", 'standard', { values: TIERS });
const majorAccount = fact('majorAccount', 'boolean', 'The account on file is a major account; missing when the account is not on file.', false, { label: 'major account' });
const statedPriority = fact('statedPriority', 'enum', 'The priority the requester asked for.', 'normal', { values: STATED });
const paymentMode = fact('paymentMode', 'enum', 'How the order is paid.', 'prepaid', { values: PAYMENT_MODES });

export const DECISION_POINT_SPECS: Record<DecisionPointId, DecisionPointSpec> = {
  intake: {
    id: 'intake',
    name: 'Intake',
    consultedWhen: 'An order is captured.',
    facts: [
      kind,
      accountTier,
      orderValue,
      dueAt,
      paymentMode,
      statedPriority,
      fact('lineCount', 'number', 'Number of order lines.', 3),
      majorAccount,
      fact('paymentTerms', 'enum', "How the account on file pays (prepaid, cash on delivery, net days); missing when the account is not on file.", 'net_30', { values: PAYMENT_TERMS, label: 'payment terms' }),
      fact('creditExposure', 'number', "What the account on file owes and has on order: its open orders' value, this order's included, plus its unpaid invoices less payments and credit notes; missing when the account is not on file.", 6_300, {
        unit: 'currency',
        label: 'credit exposure',
      }),
      fact('creditAvailable', 'number', "The account's credit limit less its exposure, this order counted; negative once over the limit. Missing when the account is not on file.", 3_700, {
        unit: 'currency',
        label: 'credit available',
      }),
      fact('creditBalance', 'number', "The account's open balance: its exposure when the account is on file, else what the order's checks said.", 4_200, { unit: 'currency' }),
      fact('creditLimit', 'number', "The account's credit limit: the account's on file, else what the order's checks said.", 10_000, { unit: 'currency' }),
      fact('inventoryShort', 'boolean', "Some line cannot be served from stock: from the order's warehouse when the catalogue knows its SKUs (the order reserves its lines as this is decided), else as the capturing system says.", false),
      fact('linesShort', 'number', "How many lines the order's warehouse cannot cover (catalogue SKUs only).", 0),
      fact('unknownSkus', 'number', 'How many lines name a SKU the catalogue does not have (or no longer sells).', 0),
      fact('priceMismatch', 'boolean', "Some line's price differs from the account's price list, else the default list.", false),
      fact('priceOverride', 'boolean', 'Some line has a manually changed price (as the capturing system says).', false),
      fact('addressVerified', 'boolean', 'The delivery address was verified.', true),
    ],
    outcomes: [
      { type: 'accept', description: 'Queue the order for release.', params: empty },
      { type: 'hold', description: 'Hold the order until the cause is cleared.', params: z.strictObject({ holdType: z.enum(HOLD_TYPES), reason: z.string().min(1) }) },
      { type: 'specialist_review', description: 'An order specialist reviews the order first.', params: reason },
      { type: 'reject', description: 'Refuse the order.', params: reason },
    ],
    hitPolicies: ['first'],
    fallback: { type: 'accept', params: {} },
  },
  priority: {
    id: 'priority',
    name: 'Priority',
    consultedWhen: 'An order is accepted, and on every release cycle.',
    facts: [
      statedPriority,
      slackHours,
      dueAt,
      orderValue,
      kind,
      accountTier,
      fact('lineCount', 'number', 'Number of order lines.', 3),
      fact('ageMinutes', 'number', 'Minutes since the order was captured.', 45, { unit: 'minutes' }),
      // Pool sequencing as workload control uses it; missing for an order without a routing.
      fact('routingLength', 'number', "Operations in the order's routing; missing without a routing.", 4, { unit: 'operations', label: 'routing length' }),
      fact('routingHours', 'number', "Processing hours over the routing's operations; missing without a routing.", 6.5, { unit: 'hours', label: 'routing hours' }),
      fact('plannedReleaseAt', 'date', "When the order should be released: its due time minus the planned lead time of every operation (its area's planned lead time plus the operation's hours); missing without a routing.", '2026-12-23T09:00:00.000Z', {
        label: 'planned release time',
      }),
      fact('plannedReleaseSlackHours', 'number', 'Hours from now until the planned release time; negative once the order should have been released. Missing without a routing.', 12.25, {
        unit: 'hours',
        label: 'planned release slack',
      }),
      fact('firstOperationDueAt', 'date', 'When the first operation should be done: the due time minus the planned lead times of the operations after it; missing without a routing.', '2026-12-23T15:00:00.000Z', {
        label: 'first operation due time',
      }),
      fact('firstOperationSlackHours', 'number', "Hours from now until the first operation's due time; missing without a routing.", 18.25, { unit: 'hours', label: 'first operation slack' }),
      fact('poolMinutes', 'number', 'Minutes since the order entered the pool; missing before it is queued.', 30, { unit: 'minutes', label: 'time in pool' }),
    ],
    outcomes: [{ type: 'score', description: 'Add points to the effective priority score.', params: z.strictObject({ points: z.number() }) }],
    hitPolicies: ['additive'],
    fallback: null,
  },
  release: {
    id: 'release',
    name: 'Release',
    consultedWhen: 'A release cycle considers an order for a work area.',
    facts: [
      kind,
      slackHours,
      dueAt,
      fact('priorityScore', 'number', 'The effective priority score.', 30),
      fact('areaId', 'string', 'The work area whose cycle considers the order (an order may have several candidate areas).', 'pick-a'),
      fact('areaZone', 'string', "The work area's zone; missing for an area serving every zone.", 'north'),
      fact('zone', 'string', "The order's zone.", 'north'),
      fact('areaStatus', 'enum', "The work area's status.", 'open', { values: ['open', 'paused', 'stopped'] }),
      fact('areaWip', 'number', 'Orders in process in the area.', 3),
      fact('areaWipLimit', 'number', "The area's WIP limit; missing for an area without one.", 5),
      fact('areaQueueLength', 'number', "Orders waiting in the area's pool.", 12),
      fact('inShift', 'boolean', 'The area is inside its shift hours.', true),
      fact('hourOfDay', 'number', "Hour of the day in the area's time zone.", 14, { unit: 'hour' }),
    ],
    outcomes: [
      { type: 'release', description: 'Release the order into the area now.', params: empty },
      { type: 'wait', description: 'Keep the order in the pool.', params: reason },
      escalate,
    ],
    hitPolicies: ['first'],
    fallback: { type: 'release', params: {} },
  },
  assignment: {
    id: 'assignment',
    name: 'Assignment',
    consultedWhen: 'A released order is matched with each candidate resource.',
    facts: [
      kind,
      paymentMode,
      orderValue,
      fact('zone', 'string', "The order's zone.", 'north'),
      fact('resourceZone', 'string', "The candidate's zone.", 'north'),
      fact('requiredSkills', 'list', 'Skills the order needs.', ['cold_chain']),
      fact('missingSkills', 'list', 'Skills the order needs that the candidate lacks.', ['hazmat']),
      fact('hasRequiredSkills', 'boolean', 'The candidate has every skill the order needs.', true),
      fact('resourceLoad', 'number', 'Orders the candidate has in hand.', 2),
      fact('resourceCapacity', 'number', 'Orders the candidate can hold.', 6),
      fact('resourceSkills', 'list', "The candidate's skills.", ['forklift', 'cold_chain']),
      fact('carrierType', 'enum', "The candidate's carrier type.", 'internal', { values: CARRIERS }),
      fact('orderCarrierType', 'enum', 'The carrier type the order must go with; missing when any carrier may take it.', 'prime', { values: CARRIERS }),
      fact('carrierTypeMatches', 'boolean', "The candidate's carrier type is the one the order names, or the order names none.", true),
      fact('resourceHasOpenRemit', 'boolean', 'The candidate still owes a cash remittance.', false),
    ],
    outcomes: [
      { type: 'assign', description: 'The candidate may take the order; higher preference wins.', params: z.strictObject({ preference: z.number() }) },
      { type: 'skip', description: 'The candidate may not take the order.', params: reason },
      escalate,
    ],
    hitPolicies: ['first'],
    fallback: { type: 'assign', params: { preference: 0 } },
  },
  escalation: {
    id: 'escalation',
    name: 'Escalation',
    consultedWhen: 'An order enters a state.',
    facts: [
      kind,
      accountTier,
      majorAccount,
      slackHours,
      dueAt,
      fact('state', 'enum', 'The state the order entered.', 'queued', { values: STATES }),
      fact('ageMinutes', 'number', 'Minutes since the order was captured.', 45, { unit: 'minutes' }),
    ],
    outcomes: [
      {
        type: 'deadline',
        description: 'Escalate to a role if the order is still in this state after the deadline.',
        params: z.strictObject({ minutes: z.number().int().positive(), role: z.enum(ROLES) }),
      },
      { type: 'none', description: 'No deadline in this state.', params: empty },
    ],
    hitPolicies: ['first'],
    fallback: { type: 'none', params: {} },
  },
  return: {
    id: 'return',
    name: 'Return',
    consultedWhen: 'An order is returned.',
    facts: [
      kind,
      orderValue,
      fact('returnReason', 'enum', 'Why the order came back.', 'not_home', { values: ['customer_refused', 'address_wrong', 'damaged', 'not_home', 'other'] }),
      fact('attempts', 'number', 'Delivery attempts so far.', 1),
    ],
    outcomes: [
      { type: 'requeue', description: 'Back to the pool for another attempt.', params: empty },
      { type: 'close', description: 'Close the order.', params: reason },
      escalate,
    ],
    hitPolicies: ['first'],
    fallback: { type: 'requeue', params: {} },
  },
  remit: {
    id: 'remit',
    name: 'Remit',
    consultedWhen: 'A cash-on-delivery or credit order is delivered.',
    facts: [
      paymentMode,
      fact('amountExpected', 'number', "Cash the driver should have collected: the order's COD amount, or its value when it names none.", 120, { unit: 'currency' }),
      fact('amountCollected', 'number', 'Cash the driver reports collected.', 120, { unit: 'currency' }),
      fact('variance', 'number', 'Collected minus expected.', 0, { unit: 'currency' }),
      fact('driverOpenRemits', 'number', 'Remittances the driver has not settled.', 0),
      fact('driverVariances30d', 'number', 'Remits with a variance by this driver in 30 days.', 0),
    ],
    outcomes: [
      { type: 'require_remit', description: 'Finance confirms the cash before the order closes.', params: empty },
      { type: 'clear', description: 'Nothing to collect: close the order.', params: empty },
      { type: 'finance_review', description: 'A variance or pattern for finance to look at.', params: reason },
    ],
    hitPolicies: ['first'],
    fallback: { type: 'clear', params: {} },
  },
  rma: {
    id: 'rma',
    name: 'Customer return (RMA)',
    consultedWhen: 'A customer asks to return goods of a delivered or completed order.',
    facts: [
      fact('returnValue', 'number', "What the returned lines are worth at the order's prices: what a credit note or refund would pay.", 640, { unit: 'currency', label: 'return value' }),
      accountTier,
      majorAccount,
      fact('daysSinceDelivery', 'number', 'Days since the order was delivered or completed; missing when its history does not say.', 12, { unit: 'days', label: 'days since delivery' }),
      fact('reason', 'enum', "Why the goods come back: the reason of the return's most valuable line.", 'damaged', { values: RETURN_REASONS, label: 'return reason' }),
      fact('lineCount', 'number', 'Number of lines returned.', 2),
    ],
    outcomes: [
      { type: 'approve', description: 'An order processor may approve the return.', params: empty },
      { type: 'finance_approval', description: 'Only finance may approve (or reject) the return.', params: reason },
      { type: 'reject', description: 'Refuse the return.', params: reason },
    ],
    hitPolicies: ['first'],
    fallback: { type: 'approve', params: {} },
  },
};

/** The operators each fact type accepts, and what kind of value they compare with. */
export const OPERATORS_BY_TYPE: Record<FactType, readonly string[]> = {
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  list: ['contains', 'doesNotContain'],
  date: ['before', 'after'],
};
