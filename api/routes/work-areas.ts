import { z } from 'zod';
import { workArea } from '../../domain/work-area.ts';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

export function workAreaRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/work-areas',
      operationId: 'listWorkAreas',
      summary: 'List work areas',
      tag: 'Work areas',
      access: 'workAreas.read',
      responses: { 200: { description: 'Every work area with its WIP limit.', schema: z.object({ workAreas: z.array(workArea) }) }, ...STANDARD_ERRORS },
      handler: async (c) => {
        const areas = await deps.store.em.fork().findAll(WorkAreaRecord, { orderBy: { id: 'asc' } });
        return c.json({ workAreas: areas.map(({ id, name, kind, wipLimit }) => ({ id, name, kind, wipLimit })) });
      },
    }),
  ];
}
