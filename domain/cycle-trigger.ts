/**
 * What makes a work area run a release cycle; a cycle records the triggers it ran for. `load_dropped`: an
 * operation was done at an area the pool's routings pass. `starved`: an operation was done at the area and
 * left nothing arrived there, so the cycle releases the best order whose routing starts there, whatever the norms.
 */
export const CYCLE_TRIGGERS = ['started', 'order_queued', 'capacity_freed', 'area_changed', 'rules_published', 'reranked', 'tick', 'period', 'load_dropped', 'starved'] as const;
export type CycleTrigger = (typeof CYCLE_TRIGGERS)[number];

/** The triggers that run a cycle of an area released periodically: its period (changes wait for it). */
export const PERIODIC_CYCLE_TRIGGERS: readonly CycleTrigger[] = ['period'];

/**
 * The triggers that wake a periodic area's controller before its period: a change of the area may change
 * its period; a starving area releases at once, as the starvation trigger means to.
 */
export const WAKES_PERIODIC: readonly CycleTrigger[] = ['area_changed', 'starved', ...PERIODIC_CYCLE_TRIGGERS];
