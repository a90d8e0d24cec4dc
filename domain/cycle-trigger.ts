/**
 * What makes a work area run a release cycle; a cycle records the triggers it ran for. `load_dropped`: an
 * operation was done at an area the pool's routings pass. `starved`: an operation was done at the area and
 * left nothing arrived there, so the cycle releases the best order whose routing starts there, whatever the norms.
 */
export const CYCLE_TRIGGERS = ['started', 'order_queued', 'capacity_freed', 'area_changed', 'rules_published', 'reranked', 'tick', 'load_dropped', 'starved'] as const;
export type CycleTrigger = (typeof CYCLE_TRIGGERS)[number];
