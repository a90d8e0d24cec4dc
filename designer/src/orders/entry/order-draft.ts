import type { CarrierType, OrderKind, PaymentMode, StatedPriority } from '../../../../domain/order.ts';
import type { ApiIssue } from '../../api/api-error.ts';
import { sentence } from '../../format/labels.ts';
import { STOPS_FOR_KIND } from '../../../../domain/trips/trip.ts';
import { fromLocalInput } from '../../format/local-date-time.ts';

/** A line as typed: text until it is checked, so a half-typed number is kept as the person typed it. */
export interface LineDraft {
  key: number;
  sku: string;
  qty: string;
  price: string;
}

export interface StepDraft {
  key: number;
  workAreaId: string;
  hours: string;
}

export interface OrderDraft {
  reference: string;
  account: string;
  kind: OrderKind;
  statedPriority: StatedPriority;
  /** The due time as the `datetime-local` input holds it, in the viewer's zone. */
  dueLocal: string;
  workAreaId: string;
  zone: string;
  warehouse: string;
  paymentMode: PaymentMode;
  /** "lat, lng" as typed or pasted from a map; sent only for the kinds whose stops need it. */
  pickupPoint: string;
  dropoffPoint: string;
  /** Empty: any carrier may take the order. */
  carrierType: CarrierType | '';
  /** As typed; sent only while the payment mode is cash on delivery, the one mode it belongs to. */
  codAmount: string;
  skills: string[];
  lines: LineDraft[];
  routing: StepDraft[];
}

/** The stops an order of the kind makes on a trip, so the draft asks for their points and no others. */
export const stopsOf = (kind: OrderKind) => STOPS_FOR_KIND[kind] ?? [];

let nextKey = 0;
/** Rows need a key of their own: their index shifts when a row above is removed. */
export const rowKey = () => ++nextKey;

export const emptyLine = (): LineDraft => ({ key: rowKey(), sku: '', qty: '', price: '' });
export const emptyStep = (workAreaId = ''): StepDraft => ({ key: rowKey(), workAreaId, hours: '' });

export const emptyDraft = (): OrderDraft => ({
  reference: '',
  account: '',
  kind: 'pick',
  statedPriority: 'normal',
  dueLocal: '',
  workAreaId: '',
  zone: '',
  warehouse: '',
  pickupPoint: '',
  dropoffPoint: '',
  paymentMode: 'prepaid',
  carrierType: '',
  codAmount: '',
  skills: [],
  lines: [emptyLine()],
  routing: [],
});

const text = (value: string) => (value.trim() === '' ? undefined : value);
// An empty cell is a missing number ("give a quantity"), not zero; a decimal comma is read as a point.
const num = (value: string) => (value.trim() === '' ? undefined : Number(value.trim().replace(',', '.')));

/**
 * "51.92, 4.48" (what a map's "copy coordinates" gives) as a point; other text goes as it is, for the API to
 * refuse by field, worded below.
 */
export function pointOf(value: string): { lat: unknown; lng: unknown } | undefined {
  if (value.trim() === '') return undefined;
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*[,;\s]\s*([+-]?\d+(?:\.\d+)?)\s*$/.exec(value);
  return match ? { lat: Number(match[1]), lng: Number(match[2]) } : { lat: value, lng: undefined };
}

/**
 * The request the draft makes, before it is checked: blank optional fields are left out, the routing
 * goes only with a production order and the COD amount only with a cash-on-delivery one, the ones that carry them.
 */
export function requestOf(draft: OrderDraft): Record<string, unknown> {
  const due = draft.dueLocal === '' ? undefined : (fromLocalInput(draft.dueLocal) ?? draft.dueLocal);
  const routing = draft.kind === 'production' && draft.routing.length > 0 ? draft.routing.map((step) => ({ workAreaId: step.workAreaId, hours: num(step.hours) })) : undefined;
  const body: Record<string, unknown> = {
    reference: text(draft.reference),
    account: draft.account,
    kind: draft.kind,
    statedPriority: draft.statedPriority,
    dueAt: due,
    workAreaId: text(draft.workAreaId),
    zone: text(draft.zone),
    warehouse: text(draft.warehouse),
    pickupLocation: stopsOf(draft.kind).includes('pickup') ? pointOf(draft.pickupPoint) : undefined,
    dropoffLocation: stopsOf(draft.kind).includes('dropoff') ? pointOf(draft.dropoffPoint) : undefined,
    requiredSkills: draft.skills.length > 0 ? draft.skills : undefined,
    routing,
    paymentMode: draft.paymentMode,
    carrierType: text(draft.carrierType),
    codAmount: draft.paymentMode === 'cod' ? num(draft.codAmount) : undefined,
    lines: draft.lines.map((line) => ({ sku: line.sku, qty: num(line.qty), price: num(line.price) })),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** Where the API's words are for an integration (an ISO format, a field's name), a dispatcher's; matched on the field's path. */
const WORDING: { path: RegExp; message?: string; say: string }[] = [
  { path: /^dueAt$/, say: 'Give the due date and time.' },
  { path: /^lines\.\d+\.sku$/, message: 'sku is required', say: 'Give the SKU.' },
  { path: /^lines\.\d+\.qty$/, message: 'is required', say: 'Give a quantity.' },
  { path: /^lines\.\d+\.price$/, message: 'is required', say: 'Give a unit price (0 when free).' },
  { path: /^routing\.\d+\.workAreaId$/, message: 'cannot be empty', say: 'Choose a work area.' },
  { path: /^routing\.\d+\.hours$/, message: 'is required', say: 'Give the hours.' },
  { path: /^(pickup|dropoff)Location\.(lat|lng)$/, say: 'Give latitude and longitude in degrees, e.g. 51.92, 4.48 (latitude -90 to 90, longitude -180 to 180).' },
];

/** The first problem of each field, by its full path (`lines.3.qty`), in words a dispatcher can act on. */
export function entryErrors(issues: readonly ApiIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const plain = WORDING.find((w) => w.path.test(issue.path) && (w.message === undefined || w.message === issue.message));
    errors[issue.path] ??= plain ? plain.say : sentence(issue.message);
  }
  return errors;
}

/** The lines with a problem, numbered from 1 as the table shows them. */
export function linesWithErrors(errors: Record<string, string>): number[] {
  const lines = new Set<number>();
  for (const path of Object.keys(errors)) {
    const match = /^lines\.(\d+)\./.exec(path);
    if (match) lines.add(Number(match[1]) + 1);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * Rows pasted from a spreadsheet (SKU, quantity and price, tab-separated, a row per line), as cells; null
 * for text that is one cell's, pasted as usual.
 */
export function pastedRows(pasted: string): string[][] | null {
  const rows = pasted.replaceAll('\r', '').split('\n').filter((row) => row.trim() !== '');
  if (rows.length < 2 && !pasted.includes('\t')) return null;
  return rows.map((row) => row.split('\t').map((cell) => cell.trim()));
}

/** The pasted rows fill the lines from the one pasted into, adding lines past the end. */
export function pasteLines(lines: readonly LineDraft[], at: number, rows: readonly string[][]): LineDraft[] {
  const next = [...lines];
  rows.forEach(([sku = '', qty = '', price = ''], i) => {
    next[at + i] = { key: next[at + i]?.key ?? rowKey(), sku, qty, price };
  });
  return next;
}

/** A point is one field on the form and two in the request: the first problem of either half. */
export const pointError = (errors: Record<string, string>, field: 'pickupLocation' | 'dropoffLocation'): string | undefined =>
  errors[field] ?? errors[`${field}.lat`] ?? errors[`${field}.lng`];
