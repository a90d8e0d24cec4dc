import { z } from 'zod';
import { SAVED_VIEWS_MAX, savedView, savedViewInput } from '../../domain/saved-view.ts';
import { createSavedView, deleteSavedView, findSavedView, listSavedViews, updateSavedView, type SavedViewRefusal } from '../../store/saved-views.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

/** Whose views these are: a person's, or an integration token's; nobody reads or changes another's. */
const ownerOf = (principal: Principal): string => (principal.kind === 'user' ? `user:${principal.userId}` : principal.kind === 'token' ? `token:${principal.tokenId}` : 'anonymous');

function refused(refusal: SavedViewRefusal, name: string, id?: string): UserError {
  if (refusal === 'not_found') return notFound(`Saved view ${id ?? ''}`.trim());
  if (refusal === 'too_many') return new UserError(409, 'conflict', `You keep ${SAVED_VIEWS_MAX} saved views, the most one person may: delete one you no longer use first.`);
  return new UserError(409, 'conflict', `You have a saved view named "${name}" already: choose another name, or open that view and save over it.`);
}

const CONFLICT = { description: 'You have a view of that name already, or keep the most views one person may.', schema: errorBody };

export function savedViewRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const base = { tag: 'Orders', access: 'orders.read' } as const;
  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/me/saved-views',
      operationId: 'listSavedViews',
      summary: 'My saved views of the orders table',
      responses: { 200: { description: 'The caller\'s own saved views, by name.', schema: z.object({ views: z.array(savedView) }) }, ...STANDARD_ERRORS },
      handler: async (c, { principal }) => c.json({ views: await listSavedViews(em(), ownerOf(principal)) }),
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/me/saved-views',
      operationId: 'createSavedView',
      summary: 'Saving a view of the orders table',
      body: savedViewInput,
      responses: { 201: { description: 'Saved, for the caller only.', schema: savedView }, 409: CONFLICT, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const saved = await createSavedView(em(), ownerOf(principal), body);
        if (typeof saved === 'string') throw refused(saved, body.name);
        return c.json(saved, 201);
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/me/saved-views/:id',
      operationId: 'getSavedView',
      summary: 'Read one of my saved views',
      params: idParams,
      responses: { 200: { description: 'The view.', schema: savedView }, 404: { description: 'The caller has no such view.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        const saved = await findSavedView(em(), ownerOf(principal), params.id);
        if (!saved) throw notFound(`Saved view ${params.id}`);
        return c.json(saved);
      },
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/me/saved-views/:id',
      operationId: 'updateSavedView',
      summary: 'Renaming or changing one of my saved views',
      params: idParams,
      body: savedViewInput,
      responses: { 200: { description: 'Changed.', schema: savedView }, 404: { description: 'The caller has no such view.', schema: errorBody }, 409: CONFLICT, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const saved = await updateSavedView(em(), ownerOf(principal), params.id, body);
        if (typeof saved === 'string') throw refused(saved, body.name, params.id);
        return c.json(saved);
      },
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/me/saved-views/:id',
      operationId: 'deleteSavedView',
      summary: 'Deleting one of my saved views',
      params: idParams,
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'The caller has no such view.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        if (!(await deleteSavedView(em(), ownerOf(principal), params.id))) throw notFound(`Saved view ${params.id}`);
        return c.body(null, 204);
      },
    }),
  ];
}
