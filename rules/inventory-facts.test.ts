import { describe, expect, it } from 'vitest';
import { inventoryFacts, type InventoryFactsInput } from './inventory-facts.ts';
import { linesInStock } from './lines-in-stock.ts';

const line = (sku: string, qty = 1, price = 10) => ({ sku, qty, price });
const input = (over: Partial<InventoryFactsInput>): InventoryFactsInput => ({ lines: [line('A'), line('B')], known: new Set(['A', 'B']), short: new Set(), listPrices: new Map(), ...over });

describe('intake facts from stock and prices', () => {
  it.each([
    { name: 'all lines covered', input: input({}), facts: { inventoryShort: false, linesShort: 0, unknownSkus: 0 } },
    { name: 'one SKU short', input: input({ short: new Set(['B']) }), facts: { inventoryShort: true, linesShort: 1, unknownSkus: 0 } },
    { name: 'a short SKU on two lines counts both', input: input({ lines: [line('A'), line('A', 3), line('B')], short: new Set(['A']) }), facts: { inventoryShort: true, linesShort: 2, unknownSkus: 0 } },
    { name: 'a SKU the catalogue lacks is counted, not short', input: input({ lines: [line('A'), line('X')], known: new Set(['A']) }), facts: { inventoryShort: false, linesShort: 0, unknownSkus: 1 } },
    { name: 'no catalogue SKU: no facts, the payload decides', input: input({ lines: [line('X')], known: new Set() }), facts: {} },
    { name: 'no warehouse: no stock facts', input: input({ short: null }), facts: { unknownSkus: 0 } },
    { name: 'prices as listed', input: input({ listPrices: new Map([['A', 10], ['B', 10]]) }), facts: { inventoryShort: false, linesShort: 0, unknownSkus: 0, priceMismatch: false } },
    { name: 'a price off the list', input: input({ lines: [line('A', 1, 10), line('B', 1, 9.5)], listPrices: new Map([['A', 10], ['B', 10]]) }), facts: { inventoryShort: false, linesShort: 0, unknownSkus: 0, priceMismatch: true } },
    { name: "a SKU no list prices is not a mismatch", input: input({ lines: [line('A', 1, 10), line('B', 1, 99)], listPrices: new Map([['A', 10]]) }), facts: { inventoryShort: false, linesShort: 0, unknownSkus: 0, priceMismatch: false } },
    { name: "a float's last digit is not a mismatch", input: input({ lines: [line('A', 1, 0.1 + 0.2)], listPrices: new Map([['A', 0.3]]) }), facts: { inventoryShort: false, linesShort: 0, unknownSkus: 0, priceMismatch: false } },
  ])('$name', ({ input: given, facts }) => {
    expect(inventoryFacts(given)).toEqual(facts);
  });
});

describe('lines in stock now, for a split by availability', () => {
  it.each([
    { name: 'what fits, in line order', lines: [line('A', 2), line('B', 5), line('A', 2)], available: { A: 3, B: 5 }, covered: [0, 1] },
    { name: 'a line is not cut in two', lines: [line('A', 4)], available: { A: 3 }, covered: [] },
    { name: 'a later line of the SKU fits what an earlier left', lines: [line('A', 4), line('A', 1)], available: { A: 3 }, covered: [1] },
    { name: 'no stock row', lines: [line('C', 1)], available: {}, covered: [] },
  ])('$name', ({ lines, available, covered }) => {
    expect(linesInStock(lines, new Map(Object.entries(available)))).toEqual(covered);
  });
});
