import { describe, expect, it } from 'vitest';
import { measureArea } from './operating-measures.ts';
import { DEFAULT_WORK_AREA } from './seed.ts';

const now = new Date('2026-11-21T10:00:00Z');
const order = (o: { inPool?: boolean; holdsSlot?: boolean; releaseCycleId?: string | null; units?: number }) => ({
  inPool: false,
  holdsSlot: false,
  releaseCycleId: null,
  units: 1,
  dueAt: new Date('2026-11-22T10:00:00Z'),
  queuedAt: new Date('2026-11-21T09:00:00Z'),
  releasedAt: null,
  ...o,
});

describe('operating measures of an area', () => {
  it('count WIP and the pool as the release cycle does: escalated work keeps its slot, a release on its way takes one', () => {
    const area = { ...DEFAULT_WORK_AREA, capacity: { unit: 'units' as const, wipLimit: 10, workloadNormHours: null, loadCorrection: 'position' as const, starvationRelease: false } };
    const measures = measureArea(
      area,
      [
        order({ holdsSlot: true, units: 3 }), // in process, or escalated from there
        order({ inPool: true, releaseCycleId: 'cycle-1', units: 2 }), // granted, the workflow has not taken it yet
        order({ inPool: true }), // waiting, escalated while waiting included
        order({}), // closed
      ],
      now,
    );
    expect(measures).toMatchObject({ poolLength: 1, wip: 2, load: 5, utilization: 0.5, oldestWaitMinutes: 60 });
  });

  it('report the routed workload against the norm, for areas that have one', () => {
    const capacity = { unit: 'orders' as const, wipLimit: 10, workloadNormHours: 12, loadCorrection: 'plain' as const, starvationRelease: false };
    expect(measureArea({ ...DEFAULT_WORK_AREA, capacity }, [], now, 4.5).workload).toEqual({ hours: 4.5, normHours: 12 });
    expect(measureArea(DEFAULT_WORK_AREA, [], now, 4.5).workload).toBeNull();
  });
});
