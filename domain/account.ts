import { z } from 'zod';
import type { OrderState } from './lifecycle.ts';
import { ACCOUNT_TIERS, MAX_AMOUNT } from './order.ts';
import { oneLine, searchText } from './text.ts';

/** An account's code is what an order's `account` names, so it has the same bounds. */
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

export const ACCOUNT_CODE_MAX = 100;
export const accountCode = oneLine(ACCOUNT_CODE_MAX, 'an account code is required');

/** How a customer pays: before the goods leave, to the driver, or within N days of the invoice. */
export const PAYMENT_TERMS = ['prepaid', 'cash_on_delivery', 'net_15', 'net_30', 'net_45', 'net_60', 'net_90'] as const;
export const paymentTerms = z.enum(PAYMENT_TERMS);
export type PaymentTerms = z.infer<typeof paymentTerms>;
export const PAYMENT_TERMS_LABELS: Record<PaymentTerms, string> = {
  prepaid: 'Prepaid',
  cash_on_delivery: 'Cash on delivery',
  net_15: 'Net 15 days',
  net_30: 'Net 30 days',
  net_45: 'Net 45 days',
  net_60: 'Net 60 days',
  net_90: 'Net 90 days',
};

const amount = (what: string) => z.number().min(0, `${what} cannot be negative`).max(MAX_AMOUNT, `${what} is at most ${MAX_AMOUNT.toLocaleString('en')}`);

/** The customer's record: kept by order processors and admins (`accounts.manage`). */
export const accountProfile = z.strictObject({
  name: oneLine(200, 'a name is required'),
  tier: z.enum(ACCOUNT_TIERS).default('standard'),
  majorAccount: z.boolean().default(false),
});
export const newAccount = accountProfile.extend({ code: accountCode });
export type NewAccount = z.infer<typeof newAccount>;
export const accountProfilePatch = z.strictObject({
  name: oneLine(200, 'a name is required').optional(),
  tier: z.enum(ACCOUNT_TIERS).optional(),
  majorAccount: z.boolean().optional(),
});
export type AccountProfilePatch = z.infer<typeof accountProfilePatch>;

/** The money side: finance's alone (`accounts.credit`). A new account is prepaid with no credit. */
export const accountCredit = z.strictObject({
  paymentTerms,
  creditLimit: amount('a credit limit'),
});
export type AccountCredit = z.infer<typeof accountCredit>;

/**
 * The states of an order whose value counts against its account's credit: taken and not yet done. Once
 * done (completed, delivered, awaiting the driver's remit, closed) what the customer owes is its invoice,
 * on the ledger; a split order's value is its children's; cancelled and rejected orders owe nothing.
 */
export const OPEN_ORDER_STATES = [
  'captured', 'validating', 'on_hold', 'specialist_review', 'queued', 'released', 'assigned', 'in_progress',
  'picked_up', 'staged', 'in_transit', 'attempt_failed', 'returned', 'escalated',
] as const satisfies readonly OrderState[];

/**
 * What an account owes and may still owe. Open orders are the value of its orders captured and not yet
 * finished; the receivable is the sum of its ledger (invoices less payments and credit notes).
 */
export const accountExposure = z.object({
  openOrderValue: z.number(),
  openOrderCount: z.number().int(),
  invoiced: z.number(),
  paid: z.number(),
  credited: z.number(),
  /** Money paid back to the customer for returns (a refund restores what its credit note took off). */
  refunded: z.number(),
  receivable: z.number(),
  exposure: z.number(),
  creditAvailable: z.number(),
});
export type AccountExposure = z.infer<typeof accountExposure>;

export const account = z.object({
  code: z.string(),
  name: z.string(),
  tier: z.enum(ACCOUNT_TIERS),
  majorAccount: z.boolean(),
  paymentTerms,
  creditLimit: z.number(),
  /** Open orders plus the receivable: what the credit limit is weighed against. */
  creditExposure: z.number(),
  creditAvailable: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof account>;

export const ACCOUNTS_PAGE_MAX = 200;
export const accountListQuery = z.strictObject({
  q: searchText(100).optional().describe("The beginning of an account's code or name, in any case."),
  after: accountCode.optional().describe('The code of the last account of the previous page.'),
  limit: z.coerce.number().int().min(1).max(ACCOUNTS_PAGE_MAX).default(50),
});
export const accountPage = z.object({ accounts: z.array(account), next: z.string().nullable().describe('`after` for the next page; null on the last.') });

export const contactInput = z.strictObject({
  name: oneLine(120, 'a name is required'),
  role: oneLine(60).optional().describe('What they do for the customer: buyer, accounts payable, warehouse…'),
  email: z.email('an email address like name@example.com').max(254).optional(),
  phone: oneLine(40).regex(/^[+()\d\s./-]+$/, 'digits, spaces and + ( ) . / - only').optional(),
});
export type ContactInput = z.infer<typeof contactInput>;
export const contact = z.object({ id: z.string(), accountCode: z.string(), name: z.string(), role: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() });
export type Contact = z.infer<typeof contact>;
/** Enough for any real customer's people; a bound so that one account cannot fill the store. */
export const CONTACTS_PER_ACCOUNT_MAX = 200;

/**
 * The kinds of the account's ledger: an invoice adds to what it owes, a payment and a credit note take from it;
 * a refund (money paid back for a returned credit) adds back what its credit note took.
 */
export const LEDGER_KINDS = ['invoice', 'payment', 'credit_note', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const paymentInput = z.strictObject({
  amount: z.number().positive('a payment is more than 0').max(MAX_AMOUNT),
  reference: oneLine(100, "the payment's reference (bank transfer, receipt) is required").describe('Unique per account: the same reference twice is one payment.'),
});
export const ledgerEntry = z.object({ id: z.string(), accountCode: z.string(), kind: z.enum(LEDGER_KINDS), amount: z.number(), reference: z.string(), postedAt: z.string(), postedBy: z.string() });
export type LedgerEntry = z.infer<typeof ledgerEntry>;
