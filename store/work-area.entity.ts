import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WorkArea } from '../domain/work-area.ts';

export const WorkAreaRecord = defineEntity({
  name: 'WorkAreaRecord',
  tableName: 'work_areas',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    kind: p.string().$type<WorkArea['kind']>(),
    wipLimit: p.integer(),
  },
});
export type WorkAreaRecord = InferEntity<typeof WorkAreaRecord>;
