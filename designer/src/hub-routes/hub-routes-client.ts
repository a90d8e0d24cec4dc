import type { Route, RouteInput } from '../../../domain/routes/route.ts';
import type { RouteSession, SessionOffer } from '../../../domain/routes/route-session.ts';
import type { SessionAction } from '../../../domain/routes/session-machine.ts';
import type { DriverProfile } from '../../../domain/drivers/driver-profile.ts';
import { request } from '../api/request.ts';

const routePath = (id: string) => `/hub-routes/${encodeURIComponent(id)}`;
const sessionPath = (id: string) => `/route-sessions/${encodeURIComponent(id)}`;
const STEP_PATHS: Record<SessionAction, string> = { start: 'start', pick_up: 'pick-up', depart: 'depart', complete: 'complete', cancel: 'cancel' };

export const listRoutes = async (signal?: AbortSignal) => (await request<{ routes: Route[] }>('/hub-routes', { signal })).routes;
export const readRoute = (id: string, signal?: AbortSignal) => request<Route>(routePath(id), { signal });
export const createRoute = (input: RouteInput) => request<Route>('/hub-routes', { method: 'POST', body: input });
export const updateRoute = (id: string, version: number, input: RouteInput) => request<Route>(routePath(id), { method: 'PUT', body: { ...input, version } });
export const retireRoute = (id: string, reason: string) => request<Route>(`${routePath(id)}/retire`, { method: 'POST', body: { reason } });

export const listSessions = async (routeId: string, signal?: AbortSignal) => (await request<{ sessions: RouteSession[] }>(`${routePath(routeId)}/sessions`, { signal })).sessions;
export const openSession = (routeId: string, input: { day: string; shift: string | null; driverId: string | null }) =>
  request<RouteSession>(`${routePath(routeId)}/sessions`, { method: 'POST', body: input });
export const listOffers = async (sessionId: string, signal?: AbortSignal) => (await request<{ offers: SessionOffer[] }>(`${sessionPath(sessionId)}/offers`, { signal })).offers;
export const acceptOffers = (sessionId: string, orderIds: string[]) => request<RouteSession>(`${sessionPath(sessionId)}/orders`, { method: 'POST', body: { orderIds } });
// The answer is not read: the panel reloads the session, whatever else a step reports beside it.
export const stepSession = (sessionId: string, action: SessionAction, reason?: string) =>
  request<unknown>(`${sessionPath(sessionId)}/${STEP_PATHS[action]}`, { method: 'POST', body: reason ? { reason } : {} });

/** The drivers a route may name; only who may read drivers gets them, and the form then takes typed ids. */
export const listDriverIds = async (signal?: AbortSignal) => (await request<{ drivers: DriverProfile[] }>('/drivers', { signal })).drivers.map((d) => ({ value: d.driverId, label: `${d.name} (${d.driverId})` }));
