/** The order's line indexes grouped by the part chosen for each line, in part order; an unused part number leaves no empty part. */
export function partsOf(lineParts: readonly number[]): number[][] {
  const parts = new Map<number, number[]>();
  lineParts.forEach((part, line) => parts.set(part, [...(parts.get(part) ?? []), line]));
  return [...parts.entries()].sort(([a], [b]) => a - b).map(([, lines]) => lines);
}

/** The smallest split, for the specialist to refine: the first line stays in part 1, the others go to part 2. */
export function defaultLineParts(lineCount: number): number[] {
  return Array.from({ length: lineCount }, (_, line) => (line === 0 ? 1 : 2));
}
