/**
 * The line numbers (from 0) that the available units cover now, taken in line order: a SKU's units go to its
 * first lines, and a line the rest of its SKU's units cannot cover waits whole (a line is not cut in two).
 */
export function linesInStock(lines: readonly { sku: string; qty: number }[], available: ReadonlyMap<string, number>): number[] {
  const left = new Map(available);
  const covered: number[] = [];
  for (const [i, line] of lines.entries()) {
    const free = left.get(line.sku) ?? 0;
    if (free < line.qty) continue;
    left.set(line.sku, free - line.qty);
    covered.push(i);
  }
  return covered;
}
