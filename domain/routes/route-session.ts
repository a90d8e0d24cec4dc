import { z } from 'zod';
import { ID_MAX, oneLine, paragraph } from '../text.ts';

export const SESSION_STATES = ['open', 'started', 'picked_up', 'in_transit', 'completed', 'cancelled'] as const;
export const sessionState = z.enum(SESSION_STATES);
export type SessionState = z.infer<typeof sessionState>;

/** The states in which a session holds its orders: an order is in at most one of these at a time. */
export const LIVE_SESSION_STATES = ['open', 'started', 'picked_up', 'in_transit'] as const satisfies readonly SessionState[];
export const isLiveSession = (state: SessionState) => (LIVE_SESSION_STATES as readonly SessionState[]).includes(state);

export const SESSION_STATE_LABELS: Record<SessionState, string> = {
  open: 'Open',
  started: 'Started',
  picked_up: 'Picked up',
  in_transit: 'In transit',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** A run takes what it can carry in a day; more is another session. */
export const MAX_SESSION_ORDERS = 500;

const isoDay = z.string().max(10, 'a day as YYYY-MM-DD').regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar day');

export const newSessionInput = z.strictObject({
  day: isoDay,
  /** Which run of the day, when a route runs more than once (e.g. "early", "late"). */
  shift: oneLine(40).nullable().default(null),
  driverId: oneLine(40).nullable().default(null),
});
export const acceptOffersInput = z.strictObject({
  orderIds: z.array(oneLine(ID_MAX)).min(1, 'name an order to accept').max(MAX_SESSION_ORDERS, `at most ${MAX_SESSION_ORDERS} orders at once`),
});
export const sessionStepInput = z.strictObject({ reason: paragraph(500).optional() });

export const sessionOrder = z.object({ orderId: z.string(), stop: z.string() });
export const routeSession = z.object({
  id: z.string(),
  routeId: z.string(),
  day: z.string(),
  shift: z.string().nullable(),
  driverId: z.string().nullable(),
  state: sessionState,
  orders: z.array(sessionOrder),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RouteSession = z.infer<typeof routeSession>;

/** An order the session could take: which stop serves it, and why it matches. */
export const sessionOffer = z.object({ orderId: z.string(), reference: z.string().nullable(), account: z.string(), kind: z.string(), state: z.string(), stop: z.string(), why: z.string() });
export type SessionOffer = z.infer<typeof sessionOffer>;
