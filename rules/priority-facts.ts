import { lineTotals, type StatedPriority } from '../domain/order.ts';

/** An order's lines, or only their totals (a release cycle reads those from the store). */
type OrderLines = { lines: readonly { qty: number; price: number }[] } | { orderValue: number; lineCount: number };

export type PriorityFactsInput = OrderLines & {
  kind: string;
  statedPriority: StatedPriority;
  dueAt: Date;
  createdAt: Date;
  accountTier?: string | null;
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
  return facts;
}
