import { z } from 'zod';
import { newRmaInput, rmaActionInput, rmaApprovalInput, rmaDetail, rmaListQuery, rmaSummary, type RmaAction } from '../../domain/returns/rma.ts';
import { nextRmaState, rmaEventOf, rmaRefusal } from '../../domain/returns/rma-machine.ts';
import { RmaRecord } from '../../store/returns/rma.entity.ts';
import { RmaRefusal } from '../../store/returns/rma-summary.ts';
import { listRmas, readRma } from '../../store/returns/rmas.ts';
import { refuseOnSignedOffDay } from '../reconciliation/signed-off-day.ts';
import { releaseSettlement, reserveSettlement, stepRma } from '../../store/returns/transition-rma.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { requestReturn } from './request-return.ts';
import { isSettlement, prepareSettlement } from './settle-return.ts';

const REFUSED = { description: 'The return cannot take this step now (the message says why and what to do).', schema: errorBody };
const NO_RETURN = { description: 'No such return.', schema: errorBody };

/** A refusal of the lifecycle or the store, as the 409 a person reads. */
async function refusalsAsConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RmaRefusal) throw new UserError(409, 'conflict', err.message);
    throw err;
  }
}

/** Customer returns (RMA): requested on a delivered order, approved, received, inspected, restocked or scrapped, and settled. */
export function returnRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Returns';
  const detail = async (id: string) => {
    const found = await readRma(em(), id);
    if (!found) throw notFound(`Return ${id}`);
    return found;
  };

  async function act(id: string, action: RmaAction, principal: Principal, note: string | undefined) {
    const rma = await em().findOne(RmaRecord, { id });
    if (!rma) throw notFound(`Return ${id}`);
    if (!nextRmaState(rma.state, { approver: rma.approver }, rmaEventOf(action, principal.roles))) throw new UserError(409, 'conflict', rmaRefusal(rma.state, { approver: rma.approver }, action));
    const actor = actorOf(principal);
    // A credit note changes the order's site's day: not once finance has signed it off.
    if (action === 'credit' || action === 'refund') await refuseOnSignedOffDay(em(), rma.orderId);
    if (isSettlement(action) && !(await reserveSettlement(deps.store.em, id, action)))
      throw new UserError(409, 'conflict', 'Someone is settling this return another way at the same moment: look at it again.');
    const settlement = isSettlement(action) ? await settle(rma, action, actor) : { step: {} };
    if ('issuing' in settlement) return null;
    await stepRma(deps.store.em, { id, action, roles: principal.roles, actor, note: note ?? null, now: new Date(), ...settlement.step });
    return detail(id);
  }

  async function settle(rma: RmaRecord, action: Parameters<typeof prepareSettlement>[2], actor: string) {
    try {
      return await prepareSettlement(deps, rma, action, actor);
    } catch (err) {
      if (err instanceof RmaRefusal) await releaseSettlement(deps.store.em, rma.id, action);
      throw err;
    }
  }

  const stepped = {
    200: { description: 'Done: the return as it is now, with its timeline.', schema: rmaDetail },
    202: { description: "The credit note is still being issued (the worker is busy or down): send the same step again in a moment.", schema: z.object({ message: z.string() }) },
    404: NO_RETURN,
    409: REFUSED,
    ...STANDARD_ERRORS,
  };
  const stillIssuing = { message: 'The credit note is being issued; send the same step again in a moment to finish the return.' };

  return [
    defineRoute({
      tag,
      access: 'returns.read',
      method: 'get',
      path: '/returns',
      operationId: 'listReturns',
      summary: 'Customer returns, newest first',
      query: rmaListQuery,
      responses: { 200: { description: 'Up to 200 returns, filtered by state or order.', schema: z.object({ returns: z.array(rmaSummary) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ returns: await listRmas(em(), query) }),
    }),
    defineRoute({
      tag,
      access: 'returns.read',
      method: 'get',
      path: '/returns/:id',
      operationId: 'getReturn',
      summary: 'A customer return with its lines and timeline',
      params: idParams,
      responses: { 200: { description: 'The return.', schema: rmaDetail }, 404: NO_RETURN, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await detail(params.id)),
    }),
    defineRoute({
      tag,
      access: 'returns.process',
      method: 'post',
      path: '/orders/:id/returns',
      operationId: 'requestReturn',
      summary: "Requesting a customer return of a delivered or completed order's goods",
      params: idParams,
      body: newRmaInput,
      responses: {
        201: { description: 'Requested: the return rules named its approver (or refused it: then it is stored rejected, with their reason).', schema: rmaDetail },
        404: { description: 'No such order.', schema: errorBody },
        409: { description: 'The order is not delivered yet, or a line asks back more than it shipped less its earlier returns.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => c.json(await detail(await refusalsAsConflicts(() => requestReturn(deps, params.id, body, actorOf(principal)))), 201),
    }),
    defineRoute({
      tag,
      access: 'returns.approve',
      method: 'post',
      path: '/returns/:id/approval',
      operationId: 'decideReturn',
      summary: 'Approving or rejecting a requested return (above the return rules\' threshold: finance only)',
      params: idParams,
      body: rmaApprovalInput,
      responses: stepped,
      handler: async (c, { params, body, principal }) => {
        const done = await refusalsAsConflicts(() => act(params.id, body.decision, principal, body.reason));
        return done ? c.json(done, 200) : c.json(stillIssuing, 202);
      },
    }),
    defineRoute({
      tag,
      access: 'returns.process',
      method: 'post',
      path: '/returns/:id/actions',
      operationId: 'stepReturn',
      summary: 'A step of a return: cancel, receive, inspect, restock or scrap, and settle by refund, credit note or exchange',
      params: idParams,
      body: rmaActionInput,
      responses: stepped,
      handler: async (c, { params, body, principal }) => {
        const done = await refusalsAsConflicts(() => act(params.id, body.action, principal, body.note));
        return done ? c.json(done, 200) : c.json(stillIssuing, 202);
      },
    }),
  ];
}
