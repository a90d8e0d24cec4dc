import { newOrder, type NewOrder } from './order.ts';
import type { ImportField, ImportMapping, RowProblem } from './order-import.ts';

// Days from 1899-12-30 (Excel's day 0, counting its phantom 29 February 1900) to 1970-01-01.
const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;
const LINE = /^(.+?)(?:\s+[x×*]\s*(\S+?))?(?:\s*@\s*(\S+))?$/i;
const NAIVE_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/;

export type RowResult = { order: NewOrder; problems: [] } | { order: null; problems: RowProblem[] };

/** Lower case, spaces and dashes as underscores, "&"/"and" between words as one: "Pickup & delivery" is pickup_delivery. */
const enumText = (text: string) => text.trim().toLowerCase().replace(/\s*(?:&|\band\b)\s*/g, '_').replace(/[\s-]+/g, '_');

/**
 * A due time as the API takes it: an ISO date-time with an offset as written, one without an offset (or a
 * date alone, at midnight) in UTC, and a number as an Excel date serial (days since 1899-12-30, UTC).
 */
export function dueTimeOf(text: string): string {
  const value = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) {
    const serial = Number(value);
    // Between 1900 and 2200: a number outside is no date, and the schema's message says what is expected.
    // To the second: a serial's fraction of a day carries float noise below it.
    if (serial > 0 && serial < 110_000) return new Date(Math.round(((serial - EXCEL_EPOCH_DAYS) * DAY_MS) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    return value;
  }
  const naive = NAIVE_DATE_TIME.exec(value);
  if (naive) {
    const [, date, time = '00:00'] = naive;
    const at = new Date(`${date}T${time.padStart(5, '0')}Z`);
    return Number.isNaN(at.getTime()) ? value : at.toISOString().replace('.000Z', 'Z');
  }
  return value;
}

const numberOf = (text: string): number | string => (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text.trim()) ? Number(text.trim()) : text);

/** `SKU-1 x2; SKU-2 x1 @9.50`: lines split by `;` (or new lines), each a SKU, `x` and a quantity (1 without), `@` and a price (0 without). */
export function linesOf(text: string): { sku: string; qty: number | string; price: number | string }[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [, sku = part, qty, price] = LINE.exec(part) ?? [];
      return { sku: sku.trim(), qty: qty === undefined ? 1 : numberOf(qty), price: price === undefined ? 0 : numberOf(price) };
    });
}

/**
 * One row as the order `POST /orders` would take, checked with its schema: the order, or every problem
 * named by the column it came from. Empty cells are absent fields, so the order's defaults apply.
 */
/** A point is two columns in a file (latitude, longitude) and one field of the order. */
const POINT_COLUMNS = [
  ['pickupLocation', 'pickupLat', 'pickupLng'],
  ['dropoffLocation', 'dropoffLat', 'dropoffLng'],
] as const;

export function orderOfRow(cells: readonly string[], headers: readonly string[], mapping: ImportMapping): RowResult {
  const cell = (field: ImportField): string | undefined => {
    const header = mapping[field];
    if (header === undefined) return undefined;
    const value = cells[headers.indexOf(header)]?.trim();
    return value === '' ? undefined : value;
  };
  const input: Record<string, unknown> = {};
  for (const field of ['reference', 'account', 'zone', 'warehouse', 'workAreaId'] as const) {
    const value = cell(field);
    if (value !== undefined) input[field] = value;
  }
  for (const field of ['kind', 'paymentMode', 'carrierType', 'statedPriority'] as const) {
    const value = cell(field);
    if (value !== undefined) input[field] = enumText(value);
  }
  const codAmount = cell('codAmount');
  if (codAmount !== undefined) input.codAmount = numberOf(codAmount);
  for (const [point, latField, lngField] of POINT_COLUMNS) {
    const lat = cell(latField);
    const lng = cell(lngField);
    // Half a point is still given, so the schema names the half that is missing.
    if (lat !== undefined || lng !== undefined) input[point] = { lat: lat === undefined ? undefined : numberOf(lat), lng: lng === undefined ? undefined : numberOf(lng) };
  }
  // The required fields empty: the schema's own words for an empty value ("account is required").
  input.account ??= '';
  input.dueAt = dueTimeOf(cell('dueAt') ?? '');
  const lines = mapping.lines !== undefined ? linesOf(cell('lines') ?? '') : cell('sku') === undefined ? [] : [{ sku: cell('sku'), qty: numberOf(cell('qty') ?? '1'), price: numberOf(cell('price') ?? '0') }];
  input.lines = lines;

  const parsed = newOrder.safeParse(input);
  if (parsed.success) return { order: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue): RowProblem => {
    const [first, index, part] = issue.path.map(String);
    const pointColumn = POINT_COLUMNS.find(([point]) => point === first);
    const field = (pointColumn !== undefined ? (index === 'lng' ? pointColumn[2] : pointColumn[1]) : mapping.lines === undefined && first === 'lines' && (part === 'sku' || part === 'qty' || part === 'price') ? part : first) as ImportField | undefined;
    const column = field === undefined ? null : (mapping[field] ?? null);
    const where = first === 'lines' && mapping.lines !== undefined && index !== undefined ? `line ${Number(index) + 1} ${part ?? ''}`.trim() : (field ?? 'row');
    return { column, field: field ?? 'row', message: issue.message.startsWith(where) ? issue.message : `${where}: ${issue.message}` };
  });
  return { order: null, problems };
}
