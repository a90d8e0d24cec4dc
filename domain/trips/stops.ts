import { STOP_KINDS, type Stop, type StopKind, type StopRef } from './trip.ts';

/** A change to a trip's stops: the new list, or why not, in words a dispatcher can act on. */
export type StopsResult = { stops: Stop[] } | { refused: string };

export const stopName = (s: StopRef) => `the ${s.kind === 'pickup' ? 'pickup' : 'drop-off'} of order ${s.orderId}`;
const keyOf = (s: StopRef) => `${s.orderId}\u0000${s.kind}`;

/** A stop that stays where it is: pinned by a dispatcher, or already visited (the driver has been there). */
export const isFixed = (s: Stop) => s.pinned || s.status !== 'pending';
const whyFixed = (s: Stop) =>
  s.pinned ? `${stopName(s)} is pinned: unpin it first to move it.` : `The driver has already been to ${stopName(s)} (${s.status}): it stays where it was.`;

/** Why a list of stops cannot be a trip: a stop twice, or an order's drop-off before its pickup. Null when it can. */
export function sequenceRefusal(stops: readonly Stop[]): string | null {
  const seen = new Set<string>();
  for (const s of stops) {
    if (seen.has(keyOf(s))) return `${capital(stopName(s))} is on the trip twice: keep one.`;
    seen.add(keyOf(s));
    if (s.kind === 'dropoff' && stops.some((p, i) => p.orderId === s.orderId && p.kind === 'pickup' && i > stops.indexOf(s)))
      return `${capital(stopName(s))} comes before its pickup: the goods must be collected first. Put the pickup earlier or the drop-off later.`;
  }
  return null;
}

/** Which stops an order needs on a trip, given its kind's stops; null when the list has exactly those. */
export function orderStopsRefusal(orderId: string, needed: readonly StopKind[], given: readonly StopKind[]): string | null {
  const missing = needed.filter((k) => !given.includes(k));
  const extra = given.filter((k) => !needed.includes(k));
  if (missing.length === 0 && extra.length === 0) return null;
  const words = (kinds: readonly StopKind[]) => kinds.map((k) => (k === 'pickup' ? 'a pickup' : 'a drop-off')).join(' and ');
  return `Order ${orderId} needs ${words(needed)} on its trip${missing.length ? `: add ${words(missing)}` : ''}${extra.length ? `${missing.length ? ' and' : ':'} remove ${words(extra)}` : ''}.`;
}

/**
 * Lays the free stops around the fixed ones: each fixed stop at its position when the list is long enough
 * to reach it, else as early after the stops before it as it can be; the free stops fill the rest in order.
 */
function layOut(fixed: readonly { stop: Stop; at: number }[], free: readonly Stop[]): Stop[] {
  const out: Stop[] = [];
  const pins = [...fixed].sort((a, b) => a.at - b.at);
  let f = 0;
  for (let p = 0; p < pins.length; ) {
    if (pins[p]!.at <= out.length || f === free.length) out.push(pins[p++]!.stop);
    else out.push(free[f++]!);
  }
  return [...out, ...free.slice(f)];
}

const fixedOf = (stops: readonly Stop[]) => stops.flatMap((stop, at) => (isFixed(stop) ? [{ stop, at }] : []));
const checked = (stops: Stop[]): StopsResult => {
  const refused = sequenceRefusal(stops);
  return refused ? { refused } : { stops };
};

/** The stops in the order a dispatcher gave: the same stops, each once, with pinned and visited stops where they were. */
export function reorderStops(stops: readonly Stop[], order: readonly StopRef[]): StopsResult {
  const byKey = new Map(stops.map((s) => [keyOf(s), s]));
  const unknown = order.find((r) => !byKey.has(keyOf(r)));
  if (unknown) return { refused: `${capital(stopName(unknown))} is not on this trip: list only its stops.` };
  const given = new Set(order.map(keyOf));
  if (given.size !== order.length) return { refused: 'A stop is listed twice: list each of the trip\'s stops once.' };
  const left = stops.find((s) => !given.has(keyOf(s)));
  if (left) return { refused: `${capital(stopName(left))} is missing: list every stop of the trip, in its new order.` };
  const next = order.map((r) => byKey.get(keyOf(r))!);
  const moved = stops.find((s, i) => isFixed(s) && next[i] !== s);
  if (moved) return { refused: whyFixed(moved) };
  return checked(next);
}

/**
 * Adds stops among a trip's free stops before position `at` (the end when omitted): pinned and visited stops
 * keep their positions, so the new stops go into the free places around them.
 */
export function insertStops(stops: readonly Stop[], added: readonly Stop[], at = stops.length): StopsResult {
  const free = stops.filter((s) => !isFixed(s));
  const freeBefore = stops.slice(0, at).filter((s) => !isFixed(s)).length;
  return checked(layOut(fixedOf(stops), [...free.slice(0, freeBefore), ...added, ...free.slice(freeBefore)]));
}

/** The stops without an order's (its pickup and drop-off go together); refused when one of them is pinned or visited. */
export function removeOrder(stops: readonly Stop[], orderId: string): StopsResult & { removed?: Stop[] } {
  const removed = stops.filter((s) => s.orderId === orderId);
  if (removed.length === 0) return { refused: `Order ${orderId} is not on this trip.` };
  const stuck = removed.find(isFixed);
  if (stuck) return { refused: whyFixed(stuck) };
  const rest = stops.filter((s) => s.orderId !== orderId);
  return { stops: layOut(fixedOf(stops).filter((p) => p.stop.orderId !== orderId), rest.filter((s) => !isFixed(s))), removed };
}

/** An order's stops moved from one trip to another as a pair, pickup first, before position `at` of the target. */
export function moveOrder(from: readonly Stop[], to: readonly Stop[], orderId: string, at?: number): { from: Stop[]; to: Stop[] } | { refused: string } {
  const taken = removeOrder(from, orderId);
  if ('refused' in taken) return taken;
  if (to.some((s) => s.orderId === orderId)) return { refused: `Order ${orderId} is already on the other trip.` };
  const pair = [...taken.removed!].sort((a, b) => STOP_KINDS.indexOf(a.kind) - STOP_KINDS.indexOf(b.kind));
  const put = insertStops(to, pair, at);
  return 'refused' in put ? put : { from: taken.stops, to: put.stops };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
