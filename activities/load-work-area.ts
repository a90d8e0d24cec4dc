import { ApplicationFailure } from '@temporalio/activity';
import type { WorkArea } from '../domain/work-area.ts';
import { toWorkArea, WorkAreaRecord } from '../store/work-area.entity.ts';
import type { ActivityDeps } from './activity-deps.ts';

export function loadWorkAreaActivity(deps: ActivityDeps) {
  return async function loadWorkArea(id: string): Promise<WorkArea> {
    const area = await deps.store.em.fork().findOne(WorkAreaRecord, { id });
    if (!area) throw ApplicationFailure.nonRetryable(`work area ${id} does not exist`, 'WorkAreaNotFound');
    return toWorkArea(area);
  };
}
