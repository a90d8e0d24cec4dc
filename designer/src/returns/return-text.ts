import { money } from '../accounts/money.ts';

/** Cents as a person reads an amount: two decimals, grouped thousands. */
export const cents = (value: number): string => money(value / 100);

export const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
