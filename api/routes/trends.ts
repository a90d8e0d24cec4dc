import { trends, trendsQuery } from '../../domain/trends.ts';
import { readTrends } from '../../store/trends.ts';
import { toWorkArea, WorkAreaRecord } from '../../store/work-area.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';

export function trendRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/trends',
      operationId: 'readTrends',
      summary: 'Operating trends',
      tag: 'Work areas',
      access: 'trends.read',
      query: trendsQuery,
      responses: {
        200: {
          description:
            'Per bucket (shift, day or week, cut in the areas’ time zone): on-time release and completion, queue balance, WIP and load against limits and norms, pool age, escalations opened and resolved, cycle time; and the period’s cycle-time histogram. See docs/operations.md#the-dashboard.',
          schema: trends,
        },
        404: { description: 'No such work area.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { query }) => {
        const em = deps.store.em.fork();
        const areas = (await em.findAll(WorkAreaRecord, { orderBy: { id: 'asc' } })).map(toWorkArea);
        if (query.areaId !== undefined && !areas.some((a) => a.id === query.areaId)) throw notFound(`Work area ${query.areaId}`);
        return c.json(await readTrends(em, areas, query));
      },
    }),
  ];
}
