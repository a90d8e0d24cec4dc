import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testStoreKind, useTempStore } from '../test/temp-store.ts';
import { withArrayRows } from './array-rows.ts';
import { plannedEachTime } from './dialect.ts';
import { sqlOn } from './sql.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

// Only PostgreSQL prepares statements by name; SQLite's dialect prepares each text once of its own.
describe.runIf(testStoreKind() === 'postgres')('statements on PostgreSQL', () => {
  const store = useTempStore();

  it('runs a text with bound values as one named, prepared statement per connection, array rows included, and a text without values or planned each time as it is', async () => {
    const seed = store().em.fork();
    seed.create(WorkAreaRecord, { id: 'prepared', name: 'Prepared', kind: 'pick_zone', wipLimit: 3 });
    await seed.flush();
    await store().em.fork().transactional(async (tx) => {
      const db = sqlOn(tx);
      const byId = (id: string) => sql<{ name: string }>`select name from work_areas where id = ${id}`;
      expect((await byId('prepared').execute(db)).rows).toEqual([{ name: 'Prepared' }]);
      expect((await byId('nowhere').execute(db)).rows).toEqual([]);
      expect((await withArrayRows<[string, number]>(sql`select id, wip_limit from work_areas where id = ${'prepared'}`).execute(db)).rows).toEqual([['prepared', 3]]);
      await sql`select count(*) from work_areas`.execute(db);
      await plannedEachTime(sql`select wip_limit from work_areas where id = ${'prepared'}`).execute(db);
      // The transaction holds one connection: what it prepared is what these statements prepared.
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements where statement like ${'%from work_areas%'} and statement not like ${'%pg_prepared_statements%'}`.execute(db);
      expect(rows.map((r) => r.statement).sort()).toEqual([
        'select id, wip_limit from work_areas where id = $1 /* rows as arrays */',
        'select name from work_areas where id = $1',
      ]);
    });
  });
});
