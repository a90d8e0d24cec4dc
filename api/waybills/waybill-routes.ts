import { z } from 'zod';
import { manifest, moveResult, newWaybillInput, waybill, waybillListQuery, waybillMoveInput, waybillOrdersInput, type MoveResult } from '../../domain/waybills/waybill.ts';
import { ID_MAX, oneLine } from '../../domain/text.ts';
import { recordWaybillMove, waybillManifest } from '../../store/waybills/waybill-manifest.ts';
import { WaybillRefusal } from '../../store/waybills/waybill-refusal.ts';
import { addWaybillOrders, createWaybill, listWaybills, readWaybill, removeWaybillOrder, sealWaybill } from '../../store/waybills/waybills.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { performAction } from '../order-actions.ts';
import { manifestPdf } from './manifest-pdf.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

const REFUSED = { description: 'The waybill cannot take this change now (the message says why and what to do).', schema: errorBody };
const NO_WAYBILL = { description: 'No such waybill.', schema: errorBody };

async function refusalsAsConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof WaybillRefusal) throw new UserError(409, 'conflict', err.message);
    throw err;
  }
}

/** Waybills: deliveries grouped for one lane, sealed then locked, with a manifest; a sealed waybill moves its orders together. */
export function waybillRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const who = (principal: Parameters<typeof actorOf>[0]) => ({ by: actorOf(principal), now: new Date() });
  const tag = 'Waybills';
  const detail = async (id: string) => {
    const found = await readWaybill(em(), id);
    if (!found) throw notFound(`Waybill ${id}`);
    return found;
  };
  const change = async (id: string, work: () => Promise<unknown>) => {
    await detail(id);
    await refusalsAsConflicts(work);
    return detail(id);
  };
  const changed = { 200: { description: 'The waybill as it is now.', schema: waybill }, 404: NO_WAYBILL, 409: REFUSED, ...STANDARD_ERRORS };

  return [
    defineRoute({
      tag,
      access: 'waybills.read',
      method: 'get',
      path: '/waybills',
      operationId: 'listWaybills',
      summary: 'Waybills, newest first',
      query: waybillListQuery,
      responses: { 200: { description: 'Up to 200 waybills with their orders.', schema: z.object({ waybills: z.array(waybill) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ waybills: await listWaybills(em(), query) }),
    }),
    defineRoute({
      tag,
      access: 'waybills.read',
      method: 'get',
      path: '/waybills/:id',
      operationId: 'getWaybill',
      summary: 'A waybill with its orders',
      params: idParams,
      responses: { 200: { description: 'The waybill.', schema: waybill }, 404: NO_WAYBILL, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await detail(params.id)),
    }),
    defineRoute({
      tag,
      access: 'waybills.read',
      method: 'get',
      path: '/waybills/:id/manifest',
      operationId: 'getWaybillManifest',
      summary: "A waybill's manifest: each order it carries, and the totals",
      params: idParams,
      responses: { 200: { description: 'The manifest.', schema: manifest }, 404: NO_WAYBILL, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const found = await waybillManifest(em(), params.id);
        if (!found) throw notFound(`Waybill ${params.id}`);
        return c.json(found);
      },
    }),
    defineRoute({
      tag,
      access: 'waybills.read',
      method: 'get',
      path: '/waybills/:id/manifest.pdf',
      operationId: 'getWaybillManifestPdf',
      summary: "A sealed waybill's manifest as PDF, to travel with the load",
      params: idParams,
      responses: {
        200: { description: 'The manifest on A4 pages: the lane, who sealed it and when, and each order with its drop-off, lines and cash on delivery.', contentType: 'application/pdf' },
        404: NO_WAYBILL,
        409: { description: 'The waybill is still open: its manifest may yet change.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => {
        const found = await waybillManifest(em(), params.id);
        if (!found) throw notFound(`Waybill ${params.id}`);
        if (found.waybill.state !== 'sealed') throw new UserError(409, 'conflict', 'The waybill is still open, so its manifest may change: seal it first, then print the manifest.');
        const pdf = await manifestPdf(found);
        return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="waybill-${params.id.replace(/[^\w.-]/g, '_')}-manifest.pdf"` });
      },
    }),
    defineRoute({
      tag,
      access: 'waybills.manage',
      method: 'post',
      path: '/waybills',
      operationId: 'createWaybill',
      summary: 'Opening a waybill for one origin, destination and carrier type',
      body: newWaybillInput,
      responses: { 201: { description: 'Open: add the deliveries it carries.', schema: waybill }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const id = crypto.randomUUID();
        await createWaybill(deps.store.em, id, body, who(principal));
        return c.json(await detail(id), 201);
      },
    }),
    defineRoute({
      tag,
      access: 'waybills.manage',
      method: 'post',
      path: '/waybills/:id/orders',
      operationId: 'addWaybillOrders',
      summary: 'Adding orders to an open waybill (all or none)',
      params: idParams,
      body: waybillOrdersInput,
      responses: changed,
      handler: async (c, { params, body, principal }) => c.json(await change(params.id, () => addWaybillOrders(deps.store.em, params.id, body.orderIds, who(principal)))),
    }),
    defineRoute({
      tag,
      access: 'waybills.manage',
      method: 'delete',
      path: '/waybills/:id/orders/:orderId',
      operationId: 'removeWaybillOrder',
      summary: 'Taking an order off an open waybill',
      params: z.object({ id: oneLine(ID_MAX), orderId: oneLine(ID_MAX) }),
      responses: changed,
      handler: async (c, { params, principal }) => c.json(await change(params.id, () => removeWaybillOrder(deps.store.em, params.id, params.orderId, who(principal)))),
    }),
    defineRoute({
      tag,
      access: 'waybills.manage',
      method: 'post',
      path: '/waybills/:id/seal',
      operationId: 'sealWaybill',
      summary: 'Sealing a waybill: its orders are locked from then on',
      params: idParams,
      responses: changed,
      handler: async (c, { params, principal }) => c.json(await change(params.id, () => sealWaybill(deps.store.em, params.id, who(principal)))),
    }),
    defineRoute({
      tag,
      access: 'waybills.manage',
      method: 'post',
      path: '/waybills/:id/moves',
      operationId: 'moveWaybillOrders',
      summary: "Applying an order action (picked up, in transit, delivered) to every order of a sealed waybill",
      params: idParams,
      body: waybillMoveInput,
      responses: {
        200: { description: 'A result per order: moved, or refused with the reason (the others moved all the same).', schema: z.object({ results: z.array(moveResult) }) },
        404: NO_WAYBILL,
        409: REFUSED,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        const found = await detail(params.id);
        if (found.state !== 'sealed') throw new UserError(409, 'conflict', 'Seal the waybill first: its orders move together once they are packed and locked.');
        const actor = { name: actorOf(principal), roles: principal.roles };
        const results: MoveResult[] = [];
        // One order at a time through the order action path (its workflow's update): each order's lifecycle decides for itself.
        for (const orderId of found.orderIds) {
          try {
            await performAction(deps, orderId, { action: body.action }, actor);
            results.push({ orderId, ok: true, message: null });
          } catch (err) {
            if (!(err instanceof UserError)) throw err;
            results.push({ orderId, ok: false, message: err.message });
          }
        }
        await recordWaybillMove(em(), params.id, { action: body.action, results, ...who(principal) });
        return c.json({ results });
      },
    }),
  ];
}
