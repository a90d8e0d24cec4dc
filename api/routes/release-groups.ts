import { z } from 'zod';
import { newReleaseGroup, releaseGroup, releaseGroupSettings } from '../../domain/release-group.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { defineRoute } from '../registry/route.ts';
import { deleteReleaseGroup, findReleaseGroup, listReleaseGroups, saveReleaseGroup } from '../release-groups.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

export function releaseGroupRoutes(deps: ApiDeps) {
  const notFound = { 404: { description: 'No such release group.', schema: errorBody } };
  const refused = {
    409: { description: 'A gateway is in another group already, or (creating) the id is taken.', schema: errorBody },
    422: { description: 'A gateway names no work area.', schema: errorBody },
  };
  return [
    defineRoute({
      method: 'get',
      path: '/release-groups',
      operationId: 'listReleaseGroups',
      summary: 'List release groups',
      tag: 'Work areas',
      access: 'workAreas.read',
      responses: { 200: { description: 'Every release group with its gateway areas and release period.', schema: z.object({ releaseGroups: z.array(releaseGroup) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ releaseGroups: await listReleaseGroups(deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/release-groups/:id',
      operationId: 'getReleaseGroup',
      summary: 'Read a release group',
      tag: 'Work areas',
      access: 'workAreas.read',
      params: idParams,
      responses: { 200: { description: 'The release group.', schema: releaseGroup }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await findReleaseGroup(deps, params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/release-groups',
      operationId: 'createReleaseGroup',
      summary: 'Create a release group',
      tag: 'Work areas',
      access: 'workAreas.manage',
      body: newReleaseGroup,
      responses: { 201: { description: 'Created: its gateways release from one pool from their next cycle.', schema: releaseGroup }, ...refused, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => c.json(await saveReleaseGroup(deps, body, actorOf(principal), 'create'), 201),
    }),
    defineRoute({
      method: 'put',
      path: '/release-groups/:id',
      operationId: 'updateReleaseGroup',
      summary: 'Change a release group',
      tag: 'Work areas',
      access: 'workAreas.manage',
      params: idParams,
      body: releaseGroupSettings,
      responses: { 200: { description: 'Changed; areas left out release on their own again.', schema: releaseGroup }, ...notFound, ...refused, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => c.json(await saveReleaseGroup(deps, { ...body, id: params.id }, actorOf(principal), 'replace')),
    }),
    defineRoute({
      method: 'delete',
      path: '/release-groups/:id',
      operationId: 'deleteReleaseGroup',
      summary: 'Dissolve a release group',
      tag: 'Work areas',
      access: 'workAreas.manage',
      params: idParams,
      responses: { 204: { description: 'Dissolved: each gateway releases from its own pool again.' }, ...notFound, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        await deleteReleaseGroup(deps, params.id, actorOf(principal));
        return c.body(null, 204);
      },
    }),
  ];
}
