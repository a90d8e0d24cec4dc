import { describe, expect, it } from 'vitest';
import { suggestMapping } from './import-mapping.ts';
import { dueTimeOf, linesOf, orderOfRow } from './import-row-order.ts';
import type { ImportMapping } from './order-import.ts';

const due = new Date(Date.now() + 6 * 3_600_000);
const dueIso = due.toISOString().replace(/\.\d{3}Z$/, 'Z');
const headers = ['Order ref', 'Customer', 'Type', 'Due', 'Lines', 'Priority', 'Payment'];
const mapping: ImportMapping = { reference: 'Order ref', account: 'Customer', kind: 'Type', dueAt: 'Due', lines: 'Lines', statedPriority: 'Priority', paymentMode: 'Payment' };

describe('suggestMapping', () => {
  it.each([
    { headers, expected: mapping },
    { headers: ['SKU', 'Quantity', 'Unit price', 'account', 'due_date'], expected: { sku: 'SKU', qty: 'Quantity', price: 'Unit price', account: 'account', dueAt: 'due_date' } },
    { headers: ['lines', 'sku', 'account'], expected: { lines: 'lines', account: 'account' } },
    { headers: ['Carrier', 'COD amount', 'Payment'], expected: { carrierType: 'Carrier', codAmount: 'COD amount', paymentMode: 'Payment' } },
    { headers: ['carrier_type', 'Cash on delivery', 'COD'], expected: { carrierType: 'carrier_type', codAmount: 'Cash on delivery' } },
    { headers: ['a', 'b'], expected: {} },
  ])('$headers', ({ headers, expected }) => expect(suggestMapping(headers)).toEqual(expected));
});

describe('dueTimeOf', () => {
  const serial = Date.parse(dueIso) / 86_400_000 + 25_569;
  it.each([
    { text: dueIso, expected: dueIso },
    { text: '2030-05-01T08:00:00+02:00', expected: '2030-05-01T08:00:00+02:00' },
    { text: `${dueIso.slice(0, 10)} ${dueIso.slice(11, 16)}`, expected: `${dueIso.slice(0, 16)}:00Z` },
    { text: dueIso.slice(0, 10), expected: `${dueIso.slice(0, 10)}T00:00:00Z` },
    { text: String(serial), expected: dueIso },
    { text: 'tomorrow', expected: 'tomorrow' },
  ])('$text', ({ text, expected }) => expect(dueTimeOf(text)).toBe(expected));
});

describe('linesOf', () => {
  it.each([
    { text: 'SKU-1 x2; SKU-2 x1', expected: [{ sku: 'SKU-1', qty: 2, price: 0 }, { sku: 'SKU-2', qty: 1, price: 0 }] },
    { text: 'A-1 x 3 @9.50', expected: [{ sku: 'A-1', qty: 3, price: 9.5 }] },
    { text: 'A-1', expected: [{ sku: 'A-1', qty: 1, price: 0 }] },
    { text: 'A-1 xtwo', expected: [{ sku: 'A-1', qty: 'two', price: 0 }] },
    { text: ' ; ', expected: [] },
  ])('$text', ({ text, expected }) => expect(linesOf(text)).toEqual(expected));
});

describe('orderOfRow', () => {
  it('takes a good row as POST /orders would, words normalised', () => {
    const result = orderOfRow(['R-1', 'ACME', 'Pickup & delivery', dueIso, 'SKU-1 x2; SKU-2 x1 @5', 'High', 'COD'], headers, mapping);
    expect(result.problems).toEqual([]);
    expect(result.order).toMatchObject({ reference: 'R-1', account: 'ACME', kind: 'pickup_delivery', dueAt: dueIso, statedPriority: 'high', paymentMode: 'cod', lines: [{ sku: 'SKU-1', qty: 2, price: 0 }, { sku: 'SKU-2', qty: 1, price: 5 }] });
  });

  it('empty cells take the defaults', () => {
    expect(orderOfRow(['', 'ACME', '', dueIso, 'A x1', '', ''], headers, mapping).order).toMatchObject({ kind: 'pick', statedPriority: 'normal', paymentMode: 'prepaid' });
  });

  it.each([
    { cells: ['R', '', '', dueIso, 'A x1', '', ''], problems: [{ column: 'Customer', field: 'account', message: 'account is required' }] },
    { cells: ['R', 'ACME', 'boat', 'soon', 'A x1', '', ''], problems: [{ column: 'Type', field: 'kind' }, { column: 'Due', field: 'dueAt', message: expect.stringContaining('ISO 8601') }] },
    { cells: ['R', 'ACME', '', dueIso, 'A x0; B xtwo', '', ''], problems: [{ column: 'Lines', field: 'lines', message: 'line 1 qty: qty must be at least 1' }, { column: 'Lines', field: 'lines', message: expect.stringMatching(/^line 2 qty: /) }] },
    { cells: ['R', 'ACME', '', dueIso, '', '', ''], problems: [{ column: 'Lines', field: 'lines', message: 'lines: an order needs at least one line' }] },
  ])('reports every problem by column: $cells', ({ cells, problems }) => {
    const result = orderOfRow(cells, headers, mapping);
    expect(result.order).toBeNull();
    expect(result.problems).toEqual(problems.map((p) => expect.objectContaining(p)));
  });

  describe('carrier type and COD amount', () => {
    const cols = ['account', 'due', 'lines', 'payment', 'carrier', 'cod'];
    const m: ImportMapping = { account: 'account', dueAt: 'due', lines: 'lines', paymentMode: 'payment', carrierType: 'carrier', codAmount: 'cod' };
    it.each([
      { cells: ['ACME', dueIso, 'A x1 @90', 'COD', 'Prime', '75.50'], order: { paymentMode: 'cod', carrierType: 'prime', codAmount: 75.5 } },
      { cells: ['ACME', dueIso, 'A x1', '', '', ''], order: { paymentMode: 'prepaid' } },
    ])('takes $cells', ({ cells, order }) => {
      const result = orderOfRow(cells, cols, m);
      expect(result.problems).toEqual([]);
      expect(result.order).toEqual(expect.objectContaining(order));
      if (!('carrierType' in order)) expect(result.order).not.toHaveProperty('carrierType');
    });
    it.each([
      { cells: ['ACME', dueIso, 'A x1', 'prepaid', '', '10'], problem: { column: 'cod', field: 'codAmount', message: expect.stringContaining('only for cash-on-delivery orders') } },
      { cells: ['ACME', dueIso, 'A x1', 'cod', '', '$10'], problem: { column: 'cod', field: 'codAmount', message: expect.stringContaining('must be a number') } },
      { cells: ['ACME', dueIso, 'A x1', 'cod', '', '10.005'], problem: { column: 'cod', field: 'codAmount', message: expect.stringContaining('at most two decimals') } },
      { cells: ['ACME', dueIso, 'A x1', '', 'pigeon', ''], problem: { column: 'carrier', field: 'carrierType' } },
    ])('reports $cells by its column', ({ cells, problem }) => {
      const result = orderOfRow(cells, cols, m);
      expect(result.order).toBeNull();
      expect(result.problems).toEqual([expect.objectContaining(problem)]);
    });
  });

  describe('pickup and drop-off points, two columns each', () => {
    const cols = ['account', 'due', 'lines', 'kind', 'from lat', 'from lon', 'lat', 'lon'];
    const m: ImportMapping = { account: 'account', dueAt: 'due', lines: 'lines', kind: 'kind', pickupLat: 'from lat', pickupLng: 'from lon', dropoffLat: 'lat', dropoffLng: 'lon' };
    it.each([
      { cells: ['ACME', dueIso, 'A x1', 'pickup_delivery', '52.3675734', '4.9041389', '-33.86', '151.2'], order: { pickupLocation: { lat: 52.3675734, lng: 4.9041389 }, dropoffLocation: { lat: -33.86, lng: 151.2 } } },
      { cells: ['ACME', dueIso, 'A x1', 'delivery', '', '', '1', '2'], order: { dropoffLocation: { lat: 1, lng: 2 } } },
    ])('takes $cells', ({ cells, order }) => {
      const result = orderOfRow(cells, cols, m);
      expect(result.problems).toEqual([]);
      expect(result.order).toEqual(expect.objectContaining(order));
      if (!('pickupLocation' in order)) expect(result.order).not.toHaveProperty('pickupLocation');
    });
    it.each([
      { cells: ['ACME', dueIso, 'A x1', 'delivery', '', '', '95', '2'], problem: { column: 'lat', field: 'dropoffLat', message: expect.stringContaining('between -90 and 90') } },
      { cells: ['ACME', dueIso, 'A x1', 'delivery', '', '', '1', 'east'], problem: { column: 'lon', field: 'dropoffLng', message: expect.stringContaining('must be a number') } },
      { cells: ['ACME', dueIso, 'A x1', 'delivery', '52.1', '', '', ''], problem: { column: 'from lon', field: 'pickupLng', message: expect.stringContaining('must be a number') } },
    ])('reports $cells by its column', ({ cells, problem }) => {
      const result = orderOfRow(cells, cols, m);
      expect(result.order).toBeNull();
      expect(result.problems).toEqual([expect.objectContaining(problem)]);
    });
    it('suggests the columns from their usual names', () => {
      expect(suggestMapping(['Pickup Lat', 'Pickup Lng', 'Latitude', 'Longitude'])).toEqual({ pickupLat: 'Pickup Lat', pickupLng: 'Pickup Lng', dropoffLat: 'Latitude', dropoffLng: 'Longitude' });
    });
  });

  it('one-line orders from sku, qty and price columns name the column at fault', () => {
    const cols = ['account', 'due', 'sku', 'qty', 'price'];
    const m: ImportMapping = { account: 'account', dueAt: 'due', sku: 'sku', qty: 'qty', price: 'price' };
    expect(orderOfRow(['ACME', dueIso, 'A-1', '4', '2.5'], cols, m).order?.lines).toEqual([{ sku: 'A-1', qty: 4, price: 2.5 }]);
    expect(orderOfRow(['ACME', dueIso, 'A-1', '-4', ''], cols, m).problems).toEqual([{ column: 'qty', field: 'qty', message: 'qty must be at least 1' }]);
  });
});
