import { z } from 'zod';
import { operatingMeasures } from '../../domain/operating-measures.ts';
import { releaseCycleView } from '../../domain/release-cycle-view.ts';
import { paragraph } from '../../domain/text.ts';
import { newWorkArea, WORK_AREA_STATUSES, workArea, workAreaSettings, workAreaStatusChange } from '../../domain/work-area.ts';
import { measureOperations } from '../../store/operating-measures.ts';
import { ReleaseCycleRecord } from '../../store/release-cycle.entity.ts';
import { lastStatusChange } from '../../store/work-area-status-change.ts';
import { toWorkArea, WorkAreaRecord } from '../../store/work-area.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { createWorkArea, findWorkArea, findWorkAreaRecord, setWorkAreaStatus, updateWorkArea } from '../work-areas.ts';

const statusChange = z.strictObject({ status: z.enum(WORK_AREA_STATUSES), reason: paragraph(500, 'say why') });

export function workAreaRoutes(deps: ApiDeps) {
  const notFound = { 404: { description: 'No such work area.', schema: errorBody } };
  return [
    defineRoute({
      method: 'get',
      path: '/work-areas',
      operationId: 'listWorkAreas',
      summary: 'List work areas',
      tag: 'Work areas',
      access: 'workAreas.read',
      responses: { 200: { description: 'Every work area with its status, capacity and shifts.', schema: z.object({ workAreas: z.array(workArea) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ workAreas: (await deps.store.em.fork().findAll(WorkAreaRecord, { orderBy: { id: 'asc' } })).map(toWorkArea) }),
    }),
    defineRoute({
      method: 'get',
      path: '/work-areas/measures',
      operationId: 'workAreaMeasures',
      summary: 'Operating measures',
      tag: 'Work areas',
      access: 'workAreas.read',
      responses: { 200: { description: 'Per area: pool, WIP and load against the limit, oldest wait, on-time release; and queue balance.', schema: operatingMeasures }, ...STANDARD_ERRORS },
      handler: async (c) => c.json(await measureOperations(deps.store.em.fork(), new Date())),
    }),
    defineRoute({
      method: 'get',
      path: '/work-areas/:id',
      operationId: 'getWorkArea',
      summary: 'Read a work area',
      tag: 'Work areas',
      access: 'workAreas.read',
      params: idParams,
      responses: { 200: { description: 'The work area.', schema: workArea }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await findWorkArea(deps, params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/work-areas/:id/status-change',
      operationId: 'getWorkAreaStatusChange',
      summary: "A work area's last status change",
      tag: 'Work areas',
      access: 'workAreas.read',
      params: idParams,
      responses: { 200: { description: 'Who last opened, paused or stopped the area, why and when; null if nobody has.', schema: z.object({ statusChange: workAreaStatusChange.nullable() }) }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        await findWorkAreaRecord(deps, params.id);
        return c.json({ statusChange: await lastStatusChange(deps.store.em.fork(), params.id) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/work-areas/:id/cycles',
      operationId: 'listReleaseCycles',
      summary: 'Release cycles of a work area',
      tag: 'Work areas',
      access: 'workAreas.read',
      params: idParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
      responses: { 200: { description: 'The newest cycles first: triggers, candidates, released, escalated, and why the others wait.', schema: z.object({ cycles: z.array(releaseCycleView) }) }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params, query }) => {
        const { releaseGroupId } = await findWorkAreaRecord(deps, params.id);
        // A gateway's cycles are its group's, whichever gateway's controller ran them.
        const where = releaseGroupId ? { $or: [{ workAreaId: params.id }, { releaseGroupId }] } : { workAreaId: params.id };
        const cycles = await deps.store.em.fork().find(ReleaseCycleRecord, where, { orderBy: releaseGroupId ? { startedAt: 'desc', seq: 'desc' } : { seq: 'desc' }, limit: query.limit });
        return c.json({ cycles: cycles.map((r) => ({ ...r, releaseGroupId: r.releaseGroupId ?? null, gateways: r.gateways ?? null, startedAt: r.startedAt.toISOString(), workloads: r.workloads ?? [] })) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/work-areas',
      operationId: 'createWorkArea',
      summary: 'Create a work area',
      tag: 'Work areas',
      access: 'workAreas.manage',
      body: newWorkArea,
      responses: { 201: { description: 'Created.', schema: workArea }, 409: { description: 'The id is taken.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => c.json(await createWorkArea(deps, body, actorOf(principal)), 201),
    }),
    defineRoute({
      method: 'put',
      path: '/work-areas/:id',
      operationId: 'updateWorkArea',
      summary: 'Change a work area',
      tag: 'Work areas',
      access: 'workAreas.manage',
      params: idParams,
      body: workAreaSettings,
      responses: { 200: { description: 'Changed; the area releases by the new settings from its next cycle.', schema: workArea }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => c.json(await updateWorkArea(deps, params.id, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'put',
      path: '/work-areas/:id/status',
      operationId: 'setWorkAreaStatus',
      summary: 'Open, pause or stop a work area',
      tag: 'Work areas',
      access: 'workAreas.status',
      params: idParams,
      body: statusChange,
      responses: { 200: { description: 'A paused or stopped area releases nothing; its waiting orders keep their deadlines.', schema: workArea }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => c.json(await setWorkAreaStatus(deps, params.id, body.status, actorOf(principal), body.reason)),
    }),
  ];
}
