import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { GeoPolygon } from '../../domain/geo.ts';
import { ZONES_MAX, type Zone, type ZoneInput } from '../../domain/zones/zone.ts';
import { insertAudit } from '../audit-log.ts';
import { dateOf, jsonOf, jsonValue, sqlOn, type DateColumn, type JsonColumn } from '../sql.ts';

type ZoneRow = { name: string; polygon: JsonColumn<GeoPolygon>; colour: string; updated_at: DateColumn; updated_by: string };

const zoneOf = (r: ZoneRow): Zone => ({ name: r.name, polygon: jsonOf(r.polygon), colour: r.colour, updatedAt: dateOf(r.updated_at).toISOString(), updatedBy: r.updated_by });

/** The zones with a shape, by name. */
export async function listZones(em: EntityManager): Promise<Zone[]> {
  const { rows } = await sql<ZoneRow>`select name, polygon, colour, updated_at, updated_by from zones order by name limit ${ZONES_MAX}`.execute(sqlOn(em));
  return rows.map(zoneOf);
}

/** Sets a zone's shape and colour, audited with the change in one transaction (the entry keeps the shape before). */
export async function putZone(em: EntityManager, name: string, input: ZoneInput, by: string, now: Date): Promise<Zone> {
  return em.transactional(async (tx) => {
    const db = sqlOn(tx);
    const before = (await sql<ZoneRow>`select name, polygon, colour, updated_at, updated_by from zones where name = ${name}`.execute(db)).rows[0];
    const { rows } = await sql<ZoneRow>`insert into zones (name, polygon, colour, updated_at, updated_by) values (${name}, ${jsonValue(input.polygon)}, ${input.colour}, ${now}, ${by})
      on conflict (name) do update set polygon = excluded.polygon, colour = excluded.colour, updated_at = excluded.updated_at, updated_by = excluded.updated_by
      returning name, polygon, colour, updated_at, updated_by`.execute(db);
    await insertAudit(tx, {
      dedupeKey: `zone:${randomUUID()}`,
      subjectType: 'zone',
      subjectId: name,
      action: before ? 'zone_changed' : 'zone_created',
      actor: by,
      data: { before: before ? { polygon: jsonOf(before.polygon), colour: before.colour } : null, after: input },
      at: now,
    });
    return zoneOf(rows[0]!);
  });
}
