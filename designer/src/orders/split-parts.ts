import type { OrderState } from '../../../domain/order.ts';

/** The order's line indexes grouped by the part chosen for each line, in part order; an unused part number leaves no empty part. */
export function partsOf(lineParts: readonly number[]): number[][] {
  const parts = new Map<number, number[]>();
  lineParts.forEach((part, line) => {
    const lines = parts.get(part);
    if (lines) lines.push(line);
    else parts.set(part, [line]);
  });
  return [...parts.entries()].sort(([a], [b]) => a - b).map(([, lines]) => lines);
}

/** The smallest split, for the specialist to refine: the first line stays in part 1, the others go to part 2. */
export function defaultLineParts(lineCount: number): number[] {
  return Array.from({ length: lineCount }, (_, line) => (line === 0 ? 1 : 2));
}

/**
 * How many parts a line may be put in: those up to the highest in use and one more, never more than there are
 * lines. Offering every part up to the line count gave each of a 5,000-line order's lines 5,000 choices.
 */
export function partChoices(lineParts: readonly number[]): number {
  const highest = lineParts.reduce((a, b) => Math.max(a, b), 1);
  return Math.min(lineParts.length, highest + 1);
}

/**
 * What an order's holds are called in its drawer. A split order keeps the holds it had when it was split (its
 * history), but nothing waits on them any more: the parts carry on, each with holds of its own.
 */
export const holdsHeading = (state: OrderState): string => (state === 'split' ? 'Held when split (its parts carry on)' : 'Holds');
