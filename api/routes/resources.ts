import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { z } from 'zod';
import { paragraph } from '../../domain/text.ts';
import { newResource, resource, resourceSettings, type ResourceSettings } from '../../domain/resource.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { inTransaction } from '../../store/in-transaction.ts';
import { resourceColumns, ResourceRecord, toResource } from '../../store/resource.entity.ts';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

const availability = z.strictObject({ available: z.boolean(), reason: paragraph(500, 'say why') });

export function resourceRoutes(deps: ApiDeps) {
  const missing = { 404: { description: 'No such work area or resource.', schema: errorBody } };

  /** Changes a resource (audited with before and after); the next assignment sees it. Concurrent changes run again on the new state. */
  async function change(id: string, patch: Partial<ResourceSettings>, actor: string, reason: string | null) {
    return inTransaction(deps.store.em, async (tx) => {
      const record = await tx.findOne(ResourceRecord, { id });
      if (!record) throw notFound(`Resource ${id}`);
      const before = toResource(record);
      tx.assign(record, resourceColumns({ ...before, ...patch }));
      appendAudit(tx, { dedupeKey: `resource:${id}:${randomUUID()}`, subjectType: 'work_area', subjectId: record.workAreaId, action: 'resource_changed', actor, reason, data: { before, after: toResource(record) } });
      return toResource(record);
    });
  }

  return [
    defineRoute({
      method: 'get',
      path: '/work-areas/:id/resources',
      operationId: 'listResources',
      summary: "List a work area's resources",
      tag: 'Work areas',
      access: 'workAreas.read',
      params: idParams,
      responses: { 200: { description: 'Drivers, teams and lines of the area.', schema: z.object({ resources: z.array(resource) }) }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json({ resources: (await deps.store.em.fork().find(ResourceRecord, { workAreaId: params.id }, { orderBy: { id: 'asc' } })).map(toResource) }),
    }),
    defineRoute({
      method: 'post',
      path: '/work-areas/:id/resources',
      operationId: 'createResource',
      summary: 'Add a resource to a work area',
      tag: 'Work areas',
      access: 'workAreas.manage',
      params: idParams,
      body: newResource,
      responses: { 201: { description: 'Added; assignment considers it from now on.', schema: resource }, 409: { description: 'The id is taken.', schema: errorBody }, ...missing, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const em = deps.store.em.fork();
        if (!(await em.findOne(WorkAreaRecord, { id: params.id }))) throw notFound(`Work area ${params.id}`);
        try {
          await em.transactional(async (tx) => {
            tx.create(ResourceRecord, { id: body.id, workAreaId: params.id, ...resourceColumns(body) });
            appendAudit(tx, { dedupeKey: `resource:${body.id}:created`, subjectType: 'work_area', subjectId: params.id, action: 'resource_added', actor: actorOf(principal), data: { resource: body } });
          });
        } catch (err) {
          if (err instanceof UniqueConstraintViolationException) throw new UserError(409, 'conflict', `A resource "${body.id}" exists already.`);
          throw err;
        }
        return c.json(toResource(await deps.store.em.fork().findOneOrFail(ResourceRecord, { id: body.id })), 201);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/resources/:id',
      operationId: 'updateResource',
      summary: 'Change a resource',
      tag: 'Work areas',
      access: 'workAreas.manage',
      params: idParams,
      body: resourceSettings,
      responses: { 200: { description: 'Changed.', schema: resource }, ...missing, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => c.json(await change(params.id, body, actorOf(principal), null)),
    }),
    defineRoute({
      method: 'put',
      path: '/resources/:id/availability',
      operationId: 'setResourceAvailability',
      summary: 'Mark a resource available or not',
      tag: 'Work areas',
      access: 'workAreas.status',
      params: idParams,
      body: availability,
      responses: { 200: { description: 'An unavailable resource gets no new work.', schema: resource }, ...missing, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => c.json(await change(params.id, { available: body.available }, actorOf(principal), body.reason)),
    }),
  ];
}
