import { WorkflowNotFoundError } from '@temporalio/client';
import type { CycleTrigger } from '../domain/cycle-trigger.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { areaWorkflowId, cycleRequestSignal } from '../workflows/definitions.ts';
import type { ActivityDeps } from './activity-deps.ts';

/** Asks every running area controller for a release cycle; an area without one has never had work to release. */
export function requestReleaseCyclesActivity(deps: ActivityDeps) {
  return async function requestReleaseCycles({ trigger }: { trigger: CycleTrigger }): Promise<number> {
    const areas = await deps.store.em.fork().findAll(WorkAreaRecord, { fields: ['id'] });
    let asked = 0;
    for (const { id } of areas) {
      try {
        await deps.temporal.workflow.getHandle(areaWorkflowId(id)).signal(cycleRequestSignal, { trigger });
        asked += 1;
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    }
    return asked;
  };
}
