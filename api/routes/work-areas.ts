import { Hono } from 'hono';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import type { ApiDeps } from '../api-deps.ts';

export function workAreaRoutes(deps: ApiDeps) {
  return new Hono().get('/', async (c) => {
    const areas = await deps.store.em.fork().findAll(WorkAreaRecord, { orderBy: { id: 'asc' } });
    return c.json({ workAreas: areas.map(({ id, name, kind, wipLimit }) => ({ id, name, kind, wipLimit })) });
  });
}
