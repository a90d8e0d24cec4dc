import type { GeoPoint } from '../../../domain/geo.ts';
import type { OrderKind } from '../../../domain/order.ts';
import type { Route, RouteInput } from '../../../domain/routes/route.ts';

/** One stop as the form holds it: the point and radius as typed, so a half-typed number is not lost. */
export interface StopDraft {
  /** Keeps a row's inputs with it when stops are moved or removed. */
  key: string;
  name: string;
  point: string;
  radius: string;
  kinds: OrderKind[];
  zones: string[];
  accounts: string[];
}

export interface RouteDraft {
  name: string;
  zone: string;
  warehouse: string;
  stops: StopDraft[];
  driverIds: string[];
}

let keys = 0;
const nextKey = () => `stop-${++keys}`;

export const emptyStop = (): StopDraft => ({ key: nextKey(), name: '', point: '', radius: '', kinds: [], zones: [], accounts: [] });
export const emptyDraft = (): RouteDraft => ({ name: '', zone: '', warehouse: '', stops: [emptyStop()], driverIds: [] });

const shownPoint = (p: GeoPoint) => `${p.lat}, ${p.lng}`;

export function draftOf(route: Route): RouteDraft {
  return {
    name: route.name,
    zone: route.zone ?? '',
    warehouse: route.warehouse ?? '',
    driverIds: [...route.driverIds],
    stops: route.stops.map((s) => ({ key: nextKey(), name: s.name, point: shownPoint(s.location), radius: s.radiusKm === null ? '' : String(s.radiusKm), kinds: [...s.kinds], zones: [...s.zones], accounts: [...s.accounts] })),
  };
}

/** "52.37, 4.89" (what a map's "copy coordinates" gives) as a point, or what to fix. */
export function parsePoint(text: string): GeoPoint | string {
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*[,;\s]\s*([+-]?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return 'Give latitude and longitude in degrees, e.g. 52.37, 4.89';
  const [lat, lng] = [Number(match[1]), Number(match[2])];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return 'Latitude is between -90 and 90, longitude between -180 and 180';
  return { lat, lng };
}

/** Blank is no radius (the stop serves by its lists alone); a decimal comma is read as a point. */
export function parseRadius(text: string): number | null | string {
  if (text.trim() === '') return null;
  const km = Number(text.trim().replace(',', '.'));
  return Number.isFinite(km) && km > 0 ? km : 'A radius in km, more than 0 (or blank to serve by kind, zone and account alone)';
}

const blankAsNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The request the draft makes, or the problems a person can fix first, keyed by field (`name`, `stops.0.point`);
 * bounds the form does not know (lengths, list sizes) are the API's to state.
 */
export function inputOf(draft: RouteDraft): { input: RouteInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (draft.name.trim() === '') errors.name = 'Name the route, e.g. "Morning hub run"';
  if (draft.stops.length === 0) errors.stops = 'A route calls at one stop at least';
  const stops = draft.stops.map((s, i) => {
    const location = parsePoint(s.point);
    const radiusKm = parseRadius(s.radius);
    if (s.name.trim() === '') errors[`stops.${i}.name`] = 'Name the stop';
    if (typeof location === 'string') errors[`stops.${i}.point`] = location;
    if (typeof radiusKm === 'string') errors[`stops.${i}.radius`] = radiusKm;
    return { name: s.name.trim(), location: location as GeoPoint, radiusKm: radiusKm as number | null, kinds: s.kinds, zones: s.zones, accounts: s.accounts };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { name: draft.name.trim(), zone: blankAsNull(draft.zone), warehouse: blankAsNull(draft.warehouse), stops, driverIds: draft.driverIds } };
}

/** The draft with stop `i` moved one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveStop(draft: RouteDraft, i: number, by: -1 | 1): RouteDraft {
  const j = i + by;
  if (j < 0 || j >= draft.stops.length) return draft;
  const stops = [...draft.stops];
  [stops[i], stops[j]] = [stops[j]!, stops[i]!];
  return { ...draft, stops };
}
