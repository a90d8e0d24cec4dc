import { describe, expect, it } from 'vitest';
import type { CARRIER_TYPES } from '../domain/resource.ts';
import { assignmentFacts } from './assignment-facts.ts';

const now = new Date();
const order = (carrierType: string | null) => ({
  kind: 'delivery',
  statedPriority: 'normal' as const,
  dueAt: new Date(now.getTime() + 3_600_000),
  createdAt: now,
  accountTier: null,
  paymentMode: 'prepaid',
  lines: [{ qty: 1, price: 10 }],
  carrierType,
});
const candidate = (carrierType: (typeof CARRIER_TYPES)[number]) => ({ id: 'r-1', capacity: 3, skills: [], carrierType });

describe('assignment facts: the carrier type the order names', () => {
  it.each([
    { ordered: null, candidate: 'external', facts: { carrierType: 'external', carrierTypeMatches: true } },
    { ordered: 'prime', candidate: 'prime', facts: { carrierType: 'prime', orderCarrierType: 'prime', carrierTypeMatches: true } },
    { ordered: 'prime', candidate: 'internal', facts: { carrierType: 'internal', orderCarrierType: 'prime', carrierTypeMatches: false } },
    { ordered: 'internal', candidate: 'hybrid', facts: { carrierType: 'hybrid', orderCarrierType: 'internal', carrierTypeMatches: false } },
  ] as const)('order names $ordered, candidate is $candidate', ({ ordered, candidate: type, facts }) => {
    const built = assignmentFacts(order(ordered), candidate(type), { inHand: 0, openRemits: 0 }, now);
    expect(built).toMatchObject(facts);
    if (ordered === null) expect(built).not.toHaveProperty('orderCarrierType');
  });
});
