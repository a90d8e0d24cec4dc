import { readFileSync } from 'node:fs';
import type { SequencingProblem } from '../domain/sequencing/sequencing-problem.ts';

/**
 * Reads an instance in Solomon's text layout: the vehicle count and capacity under "NUMBER
 * CAPACITY", then one row per node (number, x, y, demand, ready time, due date, service time), node 0
 * the depot. The depot's due date is every vehicle's shift end, as the benchmark defines it.
 */
export function parseSolomon(text: string): SequencingProblem {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((line) => /NUMBER\s+CAPACITY/.test(line));
  const [count, capacity] = lines[at + 1]!.trim().split(/\s+/).map(Number);
  const rows = lines
    .slice(at + 2)
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((fields) => fields.length === 7 && fields.every(Number.isFinite));
  const [depot, ...customers] = rows;
  const shiftEnd = depot![5]!;
  return {
    depot: { x: depot![1]!, y: depot![2]! },
    vehicles: Array.from({ length: count! }, (_, i) => ({ id: `v${i + 1}`, capacity: capacity!, shiftStart: 0, shiftEnd })),
    stops: customers.map(([no, x, y, demand, ready, due, service]) => ({
      id: `c${no}`,
      location: { x: x!, y: y! },
      demand: demand!,
      window: { start: ready!, end: due! },
      serviceMinutes: service!,
    })),
  };
}

export const readSolomon = (path: string): SequencingProblem => parseSolomon(readFileSync(path, 'utf8'));
