import { z } from 'zod';
import { driverProfile, driverProfileInput } from '../../domain/drivers/driver-profile.ts';
import { monitorQuery, monitorRow } from '../../domain/drivers/driver-trip.ts';
import { rowVersionInput } from '../../domain/row-version.ts';
import { driverResource, readDriverProfiles, saveDriverProfile } from '../../store/drivers/driver-profiles.ts';
import { readDriverMonitor } from '../../store/drivers/driver-monitor.ts';
import { DriverRefusal } from '../../store/drivers/driver-refusal.ts';
import { DriverTokenRecord } from '../../store/drivers/driver-profile.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { createdDriverToken, driverTokenView, issueDriverToken, revokeDriverToken, toDriverTokenView } from '../auth/driver-tokens.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, pathId, STANDARD_ERRORS } from '../schemas.ts';

const NO_DRIVER = { description: 'No such driver.', schema: errorBody };
const profileUpdate = z.strictObject({
  /** The profile's version as read (0 before its first edit): a save from an older reading is refused. */
  version: rowVersionInput,
  profile: driverProfileInput,
});

/** Drivers for dispatchers: profiles (shift, vehicle, zones, cash on hand), their tokens, and the live monitor. */
export function driverRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Drivers';
  const profileOf = async (id: string) => {
    const [found] = (await driverResource(em(), id)) ? await readDriverProfiles(em(), { driverIds: [id] }) : [];
    if (!found) throw notFound(`Driver ${id}`);
    return found;
  };
  const driverExists = async (id: string) => {
    if (!(await driverResource(em(), id))) throw notFound(`Driver ${id}`);
  };

  return [
    defineRoute({
      tag,
      access: 'drivers.read',
      method: 'get',
      path: '/drivers',
      operationId: 'listDrivers',
      summary: 'Drivers with their shift, vehicle, zones and cash on hand',
      query: z.strictObject({ workAreaId: z.string().trim().max(40).optional() }),
      responses: { 200: { description: 'Every driver resource, by name.', schema: z.object({ drivers: z.array(driverProfile) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ drivers: await readDriverProfiles(em(), query.workAreaId ? { workAreaId: query.workAreaId } : {}) }),
    }),
    defineRoute({
      tag,
      access: 'drivers.monitor',
      method: 'get',
      path: '/drivers/monitor',
      operationId: 'driverMonitor',
      summary: 'The driver monitor: availability, current trip, stops done and left, late stops, cash, last seen',
      query: monitorQuery,
      responses: { 200: { description: 'One line per driver, by name.', schema: z.object({ drivers: z.array(monitorRow), at: z.string() }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => {
        const now = new Date();
        return c.json({ drivers: await readDriverMonitor(em(), query, now), at: now.toISOString() });
      },
    }),
    defineRoute({
      tag,
      access: 'drivers.read',
      method: 'get',
      path: '/drivers/:id',
      operationId: 'getDriver',
      summary: "A driver's profile and cash on hand",
      params: idParams,
      responses: { 200: { description: 'The driver.', schema: driverProfile }, 404: NO_DRIVER, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await profileOf(params.id)),
    }),
    defineRoute({
      tag,
      access: 'drivers.manage',
      method: 'put',
      path: '/drivers/:id',
      operationId: 'setDriverProfile',
      summary: "Setting a driver's shift, vehicle and zones",
      params: idParams,
      body: profileUpdate,
      responses: {
        200: { description: 'Saved: the driver as it is now.', schema: driverProfile },
        404: NO_DRIVER,
        409: { description: 'Someone else saved the driver since it was read: read it again.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        await driverExists(params.id);
        try {
          await saveDriverProfile(deps.store.em, params.id, body.version, body.profile, { by: actorOf(principal), now: new Date() });
        } catch (err) {
          if (err instanceof DriverRefusal) throw new UserError(409, 'conflict', err.message);
          throw err;
        }
        return c.json(await profileOf(params.id));
      },
    }),
    defineRoute({
      tag,
      access: 'drivers.tokens',
      method: 'get',
      path: '/drivers/:id/tokens',
      operationId: 'listDriverTokens',
      summary: "A driver's tokens",
      params: idParams,
      responses: { 200: { description: 'Newest first, revoked ones included; never the secret.', schema: z.object({ tokens: z.array(driverTokenView) }) }, 404: NO_DRIVER, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        await driverExists(params.id);
        return c.json({ tokens: (await em().find(DriverTokenRecord, { driverId: params.id }, { orderBy: { createdAt: 'desc', id: 'asc' } })).map(toDriverTokenView) });
      },
    }),
    defineRoute({
      tag,
      access: 'drivers.tokens',
      method: 'post',
      path: '/drivers/:id/tokens',
      operationId: 'issueDriverToken',
      summary: 'Issuing a driver token for the driver API',
      params: idParams,
      responses: { 201: { description: 'Issued. `token` is shown this once and cannot be read again.', schema: createdDriverToken }, 404: NO_DRIVER, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        await driverExists(params.id);
        const { record, token } = await issueDriverToken(deps.store.em, params.id, { by: actorOf(principal), now: new Date() });
        return c.json({ ...toDriverTokenView(record), token }, 201);
      },
    }),
    defineRoute({
      tag,
      access: 'drivers.tokens',
      method: 'delete',
      path: '/drivers/:id/tokens/:tokenId',
      operationId: 'revokeDriverToken',
      summary: 'Revoking a driver token',
      params: z.object({ id: pathId, tokenId: pathId }),
      responses: { 200: { description: 'Revoked: it no longer opens the driver API.', schema: driverTokenView }, 404: { description: 'The driver has no such token.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        const record = await revokeDriverToken(deps.store.em, params.id, params.tokenId, { by: actorOf(principal), now: new Date() });
        if (!record) throw notFound(`Token ${params.tokenId} of driver ${params.id}`);
        return c.json(toDriverTokenView(record));
      },
    }),
  ];
}
