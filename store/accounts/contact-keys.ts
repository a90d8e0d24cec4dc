/*
 * A contact's email and phone as customer-service search compares them, stored beside them and indexed:
 * an email with its ASCII letters in lower case (as SQLite's lower() folds, so the migration's keys agree),
 * a phone as its digits alone, so "+44 (20) 7946-0000" and "4420 79460000" are one number.
 */
export const emailKeyOf = (email: string | null | undefined): string | null => (email ? email.trim().replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : null);

export const phoneKeyOf = (phone: string | null | undefined): string | null => {
  const digits = phone?.replace(/\D+/g, '') ?? '';
  return digits.length > 0 ? digits : null;
};

/** Whether a search's text could be an email address or a phone number at all (a phone has six digits or more). */
export const looksLikeEmail = (q: string): boolean => q.includes('@');
export const looksLikePhone = (q: string): boolean => /^[+()\d\s./-]+$/.test(q) && (phoneKeyOf(q)?.length ?? 0) >= 6;
