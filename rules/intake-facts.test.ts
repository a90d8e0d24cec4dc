import { describe, expect, it } from 'vitest';
import type { AccountOnFile } from './account-facts.ts';
import { escalationFacts } from './escalation-facts.ts';
import { intakeFacts, type IntakeFactsInput } from './intake-facts.ts';

const now = new Date(Date.now());
const order = (extra: Partial<IntakeFactsInput> = {}): IntakeFactsInput => ({
  kind: 'delivery',
  statedPriority: 'normal',
  dueAt: new Date(now.getTime() + 6 * 3_600_000),
  createdAt: now,
  paymentMode: 'credit_terms',
  lines: [{ qty: 2, price: 150 }],
  ...extra,
});
const onFile = (extra: Partial<AccountOnFile> = {}): AccountOnFile => ({ code: 'ACME', majorAccount: true, paymentTerms: 'net_30', creditLimit: 1_000, receivable: 400, openOrderValue: 300, ...extra });
const CREDIT = ['accountTier', 'majorAccount', 'paymentTerms', 'creditLimit', 'creditExposure', 'creditAvailable', 'creditBalance'] as const;

describe('intake facts of the account', () => {
  it.each([
    {
      name: 'an account not on file: what the payload says',
      input: order({ accountTier: 'key', checks: { creditBalance: 50, creditLimit: 500 } }),
      facts: { accountTier: 'key', creditBalance: 50, creditLimit: 500 },
    },
    {
      name: 'an account not on file that says nothing: no credit facts',
      input: order(),
      facts: {},
    },
    {
      name: 'an account on file: its figures, the payload ignored',
      input: order({ accountTier: 'major', checks: { creditBalance: 0, creditLimit: 1_000_000 }, accountOnFile: onFile() }),
      facts: { accountTier: 'major', majorAccount: true, paymentTerms: 'net_30', creditLimit: 1_000, creditExposure: 700, creditAvailable: 300, creditBalance: 700 },
    },
    {
      name: 'over its limit: credit available is negative',
      input: order({ accountOnFile: onFile({ creditLimit: 500, receivable: 250.5, openOrderValue: 300, majorAccount: false, paymentTerms: 'prepaid' }) }),
      facts: { majorAccount: false, paymentTerms: 'prepaid', creditLimit: 500, creditExposure: 550.5, creditAvailable: -50.5, creditBalance: 550.5 },
    },
    {
      name: 'payments beyond the invoices: a credit balance adds to what is available',
      input: order({ accountOnFile: onFile({ creditLimit: 0, receivable: -200, openOrderValue: 150 }) }),
      facts: { majorAccount: true, paymentTerms: 'net_30', creditLimit: 0, creditExposure: -50, creditAvailable: 50, creditBalance: -50 },
    },
  ])('$name', ({ input, facts }) => {
    const all = intakeFacts(input, now);
    expect(Object.fromEntries(CREDIT.filter((k) => k in all).map((k) => [k, all[k]]))).toEqual(facts);
  });

  it('escalation sees the major-account flag of an account on file only', () => {
    expect(escalationFacts(order({ accountOnFile: onFile() }), 'queued', now).majorAccount).toBe(true);
    expect(escalationFacts(order(), 'queued', now)).not.toHaveProperty('majorAccount');
  });
});
