// The app's zod, with its plain words for the messages the schemas leave to zod.
import '../../validation/zod-setup.ts';
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../../../domain/order.ts';
import { flattenIssues } from '../../validation/flatten-issues.ts';
import { emptyDraft, entryErrors, linesWithErrors, pastedRows, pasteLines, pointError, requestOf, type LineDraft, type OrderDraft } from './order-draft.ts';

const line = (sku: string, qty: string, price: string): LineDraft => ({ key: 0, sku, qty, price });
const draft = (change: Partial<OrderDraft>): OrderDraft => ({ ...emptyDraft(), account: 'ACME', dueLocal: '2030-05-01T09:30', lines: [line('A-1', '2', '10')], ...change });
const errorsOf = (d: OrderDraft) => {
  const parsed = newOrder.safeParse(requestOf(d));
  return parsed.success ? {} : entryErrors(flattenIssues(parsed.error.issues));
};

describe('an order typed into the form', () => {
  it('becomes the request the API takes: blank optional fields left out, the due time in UTC', () => {
    const body = requestOf(draft({ zone: '  ', skills: [] }));
    expect(body).toEqual({ account: 'ACME', kind: 'pick', statedPriority: 'normal', paymentMode: 'prepaid', dueAt: new Date(2030, 4, 1, 9, 30).toISOString(), lines: [{ sku: 'A-1', qty: 2, price: 10 }] });
    expect(newOrder.safeParse(body).success).toBe(true);
  });

  it('sends a routing with a production order only', () => {
    const routing = [{ key: 1, workAreaId: 'line-1', hours: '1,5' }];
    expect(requestOf(draft({ kind: 'production', routing })).routing).toEqual([{ workAreaId: 'line-1', hours: 1.5 }]);
    expect(requestOf(draft({ kind: 'pick', routing })).routing).toBeUndefined();
  });

  it.each([
    { problem: 'no due time', change: { dueLocal: '' }, path: 'dueAt', message: 'Give the due date and time.' },
    { problem: 'no account', change: { account: ' ' }, path: 'account', message: 'Account is required' },
    { problem: 'an empty line', change: { lines: [line('', '', '')] }, path: 'lines.0.sku', message: 'Give the SKU.' },
    { problem: 'an empty line’s quantity', change: { lines: [line('', '', '')] }, path: 'lines.0.qty', message: 'Give a quantity.' },
    { problem: 'an empty line’s price', change: { lines: [line('', '', '')] }, path: 'lines.0.price', message: 'Give a unit price (0 when free).' },
    { problem: 'a quantity of 0', change: { lines: [line('A', '0', '1')] }, path: 'lines.0.qty', message: 'Qty must be at least 1' },
    { problem: 'a quantity in words', change: { lines: [line('A', 'two', '1')] }, path: 'lines.0.qty', message: 'Must be a number' },
    { problem: 'no lines', change: { lines: [] }, path: 'lines', message: 'An order needs at least one line' },
    { problem: 'a routing step without its area', change: { kind: 'production' as const, routing: [{ key: 1, workAreaId: '', hours: '2' }] }, path: 'routing.0.workAreaId', message: 'Choose a work area.' },
    { problem: 'a routing step without hours', change: { kind: 'production' as const, routing: [{ key: 1, workAreaId: 'l', hours: '' }] }, path: 'routing.0.hours', message: 'Give the hours.' },
  ])('$problem is said in words a dispatcher can act on', ({ change, path, message }) => {
    expect(errorsOf(draft(change))[path]).toBe(message);
  });

  it('sends the carrier type, and the COD amount only while the payment mode is cash on delivery', () => {
    expect(requestOf(draft({ paymentMode: 'cod', codAmount: '12,50', carrierType: 'prime' }))).toMatchObject({ paymentMode: 'cod', codAmount: 12.5, carrierType: 'prime' });
    const prepaid = requestOf(draft({ paymentMode: 'prepaid', codAmount: '12.50' }));
    expect(prepaid).not.toHaveProperty('codAmount');
    expect(prepaid).not.toHaveProperty('carrierType');
  });

  it.each([
    { problem: 'a COD amount in words', codAmount: 'ten', message: 'The COD amount must be a number, e.g. 125.50' },
    { problem: 'a negative COD amount', codAmount: '-5', message: 'The COD amount cannot be negative' },
    { problem: 'fractions of a cent', codAmount: '1.005', message: 'The COD amount has at most two decimals (cents)' },
  ])('$problem has the API’s message', ({ codAmount, message }) => {
    expect(errorsOf(draft({ paymentMode: 'cod', codAmount })).codAmount).toBe(message);
  });

  it.each([
    { kind: 'delivery' as const, pickup: undefined, dropoff: { lat: 51.92, lng: 4.48 } },
    { kind: 'pickup' as const, pickup: { lat: 51.9, lng: -4.5 }, dropoff: undefined },
    { kind: 'pickup_delivery' as const, pickup: { lat: 51.9, lng: -4.5 }, dropoff: { lat: 51.92, lng: 4.48 } },
    { kind: 'pick' as const, pickup: undefined, dropoff: undefined },
  ])('sends the points a $kind order’s stops need, as a map copies them', ({ kind, pickup, dropoff }) => {
    const body = requestOf(draft({ kind, pickupPoint: '51.9,-4.5', dropoffPoint: ' 51.92, 4.48 ' }));
    expect(body.pickupLocation).toEqual(pickup);
    expect(body.dropoffLocation).toEqual(dropoff);
  });

  it.each([
    { problem: 'a point in words', dropoffPoint: 'Main Street 1' },
    { problem: 'a latitude past the pole', dropoffPoint: '95, 4.48' },
    { problem: 'one number', dropoffPoint: '51.92' },
  ])('$problem is said as what to type', ({ dropoffPoint }) => {
    expect(pointError(errorsOf(draft({ kind: 'delivery', dropoffPoint })), 'dropoffLocation')).toBe('Give latitude and longitude in degrees, e.g. 51.92, 4.48 (latitude -90 to 90, longitude -180 to 180).');
  });

  it('names the lines with a problem, from 1', () => {
    expect(linesWithErrors(errorsOf(draft({ lines: [line('A', '1', '1'), line('', '1', '1'), line('B', '0', '')] })))).toEqual([2, 3]);
  });
});

describe('rows pasted from a spreadsheet', () => {
  const lines = [line('A', '1', '1'), line('B', '2', '2')];
  it.each([
    { what: 'fill from the row pasted into and add rows past the end', at: 1, text: 'X\t3\t4.5\r\nY\t5\t6\n', skus: ['A', 'X', 'Y'] },
    { what: 'may leave the price out', at: 0, text: 'X\t3', skus: ['X', 'B'] },
    { what: 'skip blank rows', at: 0, text: 'X\t1\t1\n\nY\t2\t2', skus: ['X', 'Y'] },
  ])('$what', ({ at, text, skus }) => {
    expect(pasteLines(lines, at, pastedRows(text)!).map((l) => l.sku)).toEqual(skus);
  });
  it('leave a paste of one cell’s text to the cell', () => {
    expect(pastedRows('SKU-9')).toBeNull();
  });
});
