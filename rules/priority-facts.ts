import { lineTotals, type StatedPriority } from '../domain/order.ts';
import type { Operation } from './release-cycle.ts';
import { addSequencingFacts } from './sequencing-facts.ts';

/** An order's lines, or only their totals (a release cycle reads those from the store). */
type OrderLines = { lines: readonly { qty: number; price: number }[] } | { orderValue: number; lineCount: number };


export type PriorityFactsInput = OrderLines & {
  kind: string;
  statedPriority: StatedPriority;
  dueAt: Date;
  createdAt: Date;
  accountTier?: string | null;
  /** When the order entered the pool; none before it is queued. */
  queuedAt?: Date | null;
  /**
   * The routing in its order; none (or empty) for an order without one. An operation's planned lead time
   * is its area's `plannedLeadTimeHours` setting (the planned wait before it; 0 when not given, as the
   * setting's default is) plus its hours.
   */
  operations?: readonly Operation[];
};

/** The facts the priority decision point offers, computed at the moment of the decision. */
export interface PriorityFacts {
  kind: string;
  statedPriority: StatedPriority;
  /** Hours from now until the due time; negative once overdue. */
  slackHours: number;
  /** The due time as an ISO 8601 date-time, for rules about calendar dates. */
  dueAt: string;
  orderValue: number;
  lineCount: number;
  ageMinutes: number;
  /** Missing when the capturing system did not say. */
  accountTier?: string;
  /** Sequencing facts of a routed order (sequencing-facts.ts); missing without a routing. */
  routingLength?: number;
  routingHours?: number;
  plannedReleaseAt?: string;
  plannedReleaseSlackHours?: number;
  firstOperationDueAt?: string;
  firstOperationSlackHours?: number;
  /** Missing before the order is queued. */
  poolMinutes?: number;
  [fact: string]: unknown;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function priorityFacts(order: PriorityFactsInput, now: Date): PriorityFacts {
  const { orderValue, lineCount } = 'lines' in order ? lineTotals(order.lines) : order;
  const facts: PriorityFacts = {
    kind: order.kind,
    statedPriority: order.statedPriority,
    slackHours: round1((order.dueAt.getTime() - now.getTime()) / 3_600_000),
    dueAt: order.dueAt.toISOString(),
    orderValue: round1(orderValue),
    lineCount,
    ageMinutes: Math.max(0, Math.round((now.getTime() - order.createdAt.getTime()) / 60_000)),
  };
  // Set, not spread in: a release cycle computes these for every order of its pool.
  if (order.accountTier) facts.accountTier = order.accountTier;
  if (order.queuedAt) facts.poolMinutes = Math.max(0, Math.round((now.getTime() - order.queuedAt.getTime()) / 60_000));
  if (order.operations && order.operations.length > 0) addSequencingFacts(facts, order.dueAt.getTime(), order.operations, now.getTime());
  return facts;
}
