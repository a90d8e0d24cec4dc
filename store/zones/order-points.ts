import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { LAST_MILE_STATUSES, type LastMileStatus } from '../../domain/last-mile.ts';
import { MAP_COUNT_MAX, MAP_POINTS_MAX, type OrderMap } from '../../domain/zones/order-map.ts';
import { sqlOn } from '../sql.ts';

type PointRow = { id: string; reference: string | null; last_mile_status: LastMileStatus; lat: number; lng: number };

/**
 * The orders of the last mile with a place, newest first, capped; each filter reads an index (zone, the
 * last-mile rank, a drop-off's or pickup's coordinates), and the count stops at MAP_COUNT_MAX.
 */
export async function orderPoints(em: EntityManager, q: { zone?: string | undefined; lastMile?: readonly LastMileStatus[] | undefined; bbox?: readonly [number, number, number, number] | undefined }): Promise<OrderMap> {
  const ranks = (q.lastMile ?? LAST_MILE_STATUSES).map((s) => LAST_MILE_STATUSES.indexOf(s));
  const box = q.bbox
    ? (() => {
        const [w, s, e, n] = q.bbox;
        return sql`and ((dropoff_lat between ${s} and ${n} and dropoff_lng between ${w} and ${e}) or (dropoff_lat is null and pickup_lat between ${s} and ${n} and pickup_lng between ${w} and ${e}))`;
      })()
    : sql``;
  const where = sql`where last_mile_rank in (${sql.join(ranks)}) and (dropoff_lat is not null or pickup_lat is not null)
    ${q.zone ? sql`and zone = ${q.zone}` : sql``} ${box}`;
  const db = sqlOn(em);
  const { rows } = await sql<PointRow>`select id, reference, last_mile_status, coalesce(dropoff_lat, pickup_lat) as lat, coalesce(dropoff_lng, pickup_lng) as lng
    from orders ${where} order by created_at desc, id limit ${MAP_POINTS_MAX}`.execute(db);
  const counted = rows.length < MAP_POINTS_MAX ? rows.length : Number((await sql<{ n: number | string }>`select count(*) as n from (select 1 from orders ${where} limit ${MAP_COUNT_MAX + 1}) m`.execute(db)).rows[0]!.n);
  return {
    points: rows.map((r) => ({ id: r.id, reference: r.reference, lastMileStatus: r.last_mile_status, lat: Number(r.lat), lng: Number(r.lng) })),
    matched: Math.min(counted, MAP_COUNT_MAX),
    more: counted > MAP_COUNT_MAX,
  };
}
