import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { z } from 'zod';
import { importTemplate, importTemplateInput } from '../../domain/order-import.ts';
import { ImportTemplateRecord } from '../../store/order-import.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

const templateOf = (t: ImportTemplateRecord) => ({ id: t.id, name: t.name, mapping: t.mapping, createdBy: t.createdBy, createdAt: t.createdAt.toISOString() });

/** Mappings saved by name and shared by everyone who imports: a supplier's file is mapped once. */
export function importTemplateRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/import-templates',
      operationId: 'listImportTemplates',
      summary: 'Saved column mappings',
      tag: 'Imports',
      access: 'orders.create',
      responses: { 200: { description: 'Every saved mapping, by name.', schema: z.object({ templates: z.array(importTemplate) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ templates: (await deps.store.em.fork().find(ImportTemplateRecord, {}, { orderBy: { name: 'asc' }, limit: 500 })).map(templateOf) }),
    }),
    defineRoute({
      method: 'post',
      path: '/import-templates',
      operationId: 'saveImportTemplate',
      summary: 'Saving a column mapping',
      tag: 'Imports',
      access: 'orders.create',
      body: importTemplateInput,
      responses: {
        201: { description: 'Saved under its name, for anyone who imports.', schema: importTemplate },
        409: { description: 'A template has that name.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => {
        const em = deps.store.em.fork();
        const record = em.create(ImportTemplateRecord, { id: randomUUID(), name: body.name, mapping: body.mapping, createdBy: actorOf(principal), createdAt: new Date() });
        try {
          await em.flush();
        } catch (err) {
          if (err instanceof UniqueConstraintViolationException) throw new UserError(409, 'template_exists', `A template is named "${body.name}": choose another name, or delete that one first.`);
          throw err;
        }
        return c.json(templateOf(record), 201);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/import-templates/:id',
      operationId: 'deleteImportTemplate',
      summary: 'Deleting a column mapping',
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such template.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const deleted = await deps.store.em.fork().nativeDelete(ImportTemplateRecord, { id: params.id });
        if (deleted === 0) throw notFound(`Import template ${params.id}`);
        return c.body(null, 204);
      },
    }),
  ];
}
