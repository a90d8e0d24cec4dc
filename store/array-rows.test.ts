import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test/temp-store.ts';
import { withArrayRows } from './array-rows.ts';
import { dialectSql } from './dialect.ts';
import { LoginThrottleRecord } from './login-throttle.entity.ts';
import { sqlOn } from './sql.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

describe('array rows and epoch milliseconds', () => {
  const store = useTempStore();

  it('answers a marked select with arrays in select-list order, and any other select with objects', async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'rows', name: 'Rows', kind: 'pick_zone', wipLimit: 3 });
    await em.flush();
    const query = sql`select name, id, wip_limit from work_areas where id = ${'rows'}`;
    expect((await withArrayRows<[string, string, number]>(query).execute(sqlOn(em))).rows).toEqual([['Rows', 'rows', 3]]);
    expect((await query.execute(sqlOn(em))).rows).toEqual([{ name: 'Rows', id: 'rows', wip_limit: 3 }]);
  });

  // Each a date a JavaScript clock could write; the last ends in .999, which a double's seconds cannot hold exactly.
  it.each([new Date(Date.now()), new Date(Date.now() + 86_399_999), new Date(Math.floor(Date.now() / 1000) * 1000 + 999)])(
    'reads a date column as the epoch milliseconds it was written with (%s)',
    async (at) => {
      const em = store().em.fork();
      const key = `epoch-${at.getTime()}`;
      em.create(LoginThrottleRecord, { key, failures: 1, lockedUntil: at });
      await em.flush();
      const { epochMs } = dialectSql(em);
      const { rows } = await sql<{ at: number }>`select ${epochMs(sql.ref('locked_until'))} as at from login_throttle where key = ${key}`.execute(sqlOn(em));
      expect(rows).toEqual([{ at: at.getTime() }]);
    },
  );
});
