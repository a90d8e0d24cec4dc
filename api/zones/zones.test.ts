import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RING_POINTS } from '../../domain/geo.ts';
import type { Role } from '../../domain/roles.ts';
import type { Zone } from '../../domain/zones/zone.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Zones' shapes through the API, on the store the suite runs on. */
describe('zones', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = async (role: Role, method: string, path: string, body?: unknown) => {
    const res = await h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Zone & { zones: Zone[]; error?: { message: string; issues?: { path: string; message: string }[] } } };
  };
  const square = (lng: number, lat: number, size = 0.02): [number, number][] => [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
  const name = `north-${Date.now()}`;

  it('an ops manager sets a zone\'s shape and colour, audited with the shape before; everyone who reads orders sees it', async () => {
    const first = await send('ops_manager', 'PUT', `/zones/${name}`, { polygon: { type: 'Polygon', coordinates: [square(4.88, 52.36)] }, colour: '#1c7ed6' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ name, colour: '#1c7ed6', updatedBy: 'token:test ops_manager' });
    const moved = { type: 'Polygon', coordinates: [square(4.9, 52.37), square(4.905, 52.375, 0.005)] };
    const second = await send('admin', 'PUT', `/zones/${name}`, { polygon: moved, colour: '#e8590c' });
    expect(second.status).toBe(200);

    const listed = await send('finance', 'GET', '/zones');
    expect(listed.body.zones.find((z) => z.name === name)).toMatchObject({ polygon: moved, colour: '#e8590c' });
    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'zone', subjectId: name }, { orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['zone_created', 'zone_changed']);
    expect(audit[1]!.data).toMatchObject({ before: { colour: '#1c7ed6', polygon: { coordinates: [square(4.88, 52.36)] } }, after: { colour: '#e8590c' } });
  });

  const tooMany = (): [number, number][] => {
    const ring = Array.from({ length: MAX_RING_POINTS }, (_, i): [number, number] => [4.9 + Math.cos((i / MAX_RING_POINTS) * 2 * Math.PI) / 100, 52.37 + Math.sin((i / MAX_RING_POINTS) * 2 * Math.PI) / 100]);
    return [...ring, ring[0]!];
  };
  it.each([
    { what: 'an open ring', body: { polygon: { type: 'Polygon', coordinates: [square(4.88, 52.36).slice(0, 4)] }, colour: '#1c7ed6' }, message: /ends where it starts/ },
    { what: 'a latitude off the Earth', body: { polygon: { type: 'Polygon', coordinates: [[[4, 95], [5, 95], [5, 96], [4, 95]]] }, colour: '#1c7ed6' }, message: /polygon.coordinates.0.0.1/ },
    { what: 'a ring past the limit', body: { polygon: { type: 'Polygon', coordinates: [tooMany()] }, colour: '#1c7ed6' }, message: /at most 5,000 positions/ },
    { what: 'holes past the limit together', body: { polygon: { type: 'Polygon', coordinates: [square(4.9, 52.37), ...Array.from({ length: 2 }, () => tooMany().slice(0, MAX_RING_POINTS - 1).concat([[4.9 + 0.01, 52.37]]))] }, colour: '#1c7ed6' }, message: /in all its rings together/ },
    { what: 'a point, not a polygon', body: { polygon: { type: 'Point', coordinates: [4.9, 52.37] }, colour: '#1c7ed6' }, message: /polygon/ },
    { what: 'a colour by name', body: { polygon: { type: 'Polygon', coordinates: [square(4.88, 52.36)] }, colour: 'blue' }, message: /#rrggbb/ },
  ])('refuses $what with a 400 naming it, and writes nothing', async ({ body, message }) => {
    const refused = await send('ops_manager', 'PUT', '/zones/refused-zone', body);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error)).toMatch(message);
    expect((await send('ops_manager', 'GET', '/zones')).body.zones.some((z) => z.name === 'refused-zone')).toBe(false);
  });
});
