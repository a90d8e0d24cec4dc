const FORMAT = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount as a person reads it: two decimals, grouped thousands. */
export const money = (amount: number): string => FORMAT.format(amount);
