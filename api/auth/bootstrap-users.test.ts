import { describe, expect, it } from 'vitest';
import { UserRecord } from '../../store/user.entity.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { ensureFirstAdmin } from './bootstrap-users.ts';

describe('the first admin', () => {
  const store = useTempStore();

  it('is created once when API processes start together on a new store', async () => {
    const created = await Promise.all([ensureFirstAdmin(store().em.fork(), {}), ensureFirstAdmin(store().em.fork(), {})]);
    expect(created.filter((c) => c !== null)).toHaveLength(1);
    expect(await store().em.fork().count(UserRecord, { username: 'admin' })).toBe(1);
  });
});
