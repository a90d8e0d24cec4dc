/** What makes a work area run a release cycle; a cycle records the triggers it ran for. */
export const CYCLE_TRIGGERS = ['started', 'order_queued', 'capacity_freed', 'area_changed', 'rules_published', 'reranked', 'tick'] as const;
export type CycleTrigger = (typeof CYCLE_TRIGGERS)[number];
