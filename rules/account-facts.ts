/**
 * What an order's account on file tells its decisions. Read with the order (store/order-facts-input.ts);
 * an order whose account is not on file has none, and its decisions read what its payload said instead.
 */
export interface AccountOnFile {
  code: string;
  majorAccount: boolean;
  paymentTerms: string;
  creditLimit: number;
  /** The account's ledger balance: invoices less payments and credit notes. */
  receivable: number;
  /** The value of the account's open orders, this one included; read for intake only, where credit is judged. */
  openOrderValue?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The credit facts of an account on file. `creditBalance` and `creditLimit` are the account's too
 * (exposure and limit), so that rules written against the payload's checks judge a filed account by its
 * figures, never by what the capturing system claimed.
 */
export function accountCreditFacts(account: AccountOnFile): Record<string, unknown> {
  const creditExposure = round2((account.openOrderValue ?? 0) + account.receivable);
  return {
    majorAccount: account.majorAccount,
    paymentTerms: account.paymentTerms,
    creditLimit: account.creditLimit,
    creditExposure,
    creditAvailable: round2(account.creditLimit - creditExposure),
    creditBalance: creditExposure,
  };
}
