/*
 * CSV per RFC 4180: fields separated by commas, records ended by CRLF, a field with a comma, a quote or a
 * line break enclosed in quotes, a quote inside one doubled. People open exports in spreadsheets, which run
 * a cell that starts with =, +, - or @ (or a tab or carriage return, which some strip first) as a formula:
 * such text gets a leading apostrophe, which spreadsheets show as text. Numbers are written as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One value as a CSV field: nothing for null, a number or boolean as itself, objects as JSON text. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvRecord = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
