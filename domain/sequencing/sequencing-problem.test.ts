import { describe, expect, it } from 'vitest';
import { sequencingProblem } from './sequencing-problem.ts';

const stop = (id: string, extra: object = {}) => ({ id, location: { x: 1, y: 1 }, demand: 1, window: { start: 0, end: 60 }, serviceMinutes: 5, ...extra });
const base = { depot: { x: 0, y: 0 }, vehicles: [{ id: 'v1', capacity: 10, shiftStart: 0, shiftEnd: 480 }], stops: [stop('a')] };

describe('a sequencing problem as a caller states it', () => {
  it.each([
    { name: 'a plain problem', input: base, error: null },
    { name: 'a stop twice', input: { ...base, stops: [stop('a'), stop('a')] }, error: 'Stop a appears twice.' },
    { name: 'a window that ends before it starts', input: { ...base, stops: [stop('a', { window: { start: 60, end: 0 } })] }, error: 'A time window must start before it ends.' },
    { name: 'a pair without its drop-off', input: { ...base, stops: [stop('a', { pair: { id: 'p', role: 'pickup' } })] }, error: 'Pair p needs exactly one pickup and one drop-off.' },
    { name: 'a pin to a vehicle not in the plan', input: { ...base, stops: [stop('a', { pin: { vehicleId: 'v9', position: 0 } })] }, error: 'Stop a is pinned to vehicle v9, which is not in the plan.' },
    { name: 'pins with a gap', input: { ...base, stops: [stop('a', { pin: { vehicleId: 'v1', position: 1 } })] }, error: 'Stops pinned to v1 must take positions 0, 1, 2, … without gaps or repeats.' },
    { name: 'a negative demand', input: { ...base, stops: [stop('a', { demand: -1 })] }, error: 'Too small' },
    { name: 'no vehicle', input: { ...base, vehicles: [] }, error: 'Too small' },
  ])('$name', ({ input, error }) => {
    const result = sequencingProblem.safeParse(input);
    if (error === null) expect(result.success).toBe(true);
    else expect(result.error?.issues.map((i) => i.message).join(' | ')).toContain(error);
  });
});
