import type { ActivityDeps } from './activity-deps.ts';

/**
 * Who executes a released order. Until work areas have resources of their own (capacity issue #6), the
 * order goes to its area's team, and a dispatcher reassigns it to a person with `reassign`.
 */
export function assignOrderActivity(_deps: ActivityDeps) {
  return async function assignOrder({ workAreaId }: { orderId: string; workAreaId: string }): Promise<{ resource: string }> {
    return { resource: `${workAreaId} team` };
  };
}
