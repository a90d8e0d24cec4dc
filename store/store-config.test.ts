import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';
import { describeStore, storeConfigFromEnv, storeEnv, type StoreConfig } from './store-config.ts';

describe('storeConfigFromEnv', () => {
  it.each<[string, NodeJS.ProcessEnv, StoreConfig]>([
    ['the embedded default', {}, { kind: 'sqlite', file: resolve(repoRoot, '.data/sluice.sqlite') }],
    ['SLUICE_DB_FILE', { SLUICE_DB_FILE: '/tmp/a.sqlite' }, { kind: 'sqlite', file: '/tmp/a.sqlite' }],
    ['a sqlite: URL', { SLUICE_DATABASE_URL: 'sqlite:/tmp/b.sqlite' }, { kind: 'sqlite', file: '/tmp/b.sqlite' }],
    ['a postgres:// URL', { SLUICE_DATABASE_URL: 'postgres://u:p@db:5432/sluice' }, { kind: 'postgres', url: 'postgres://u:p@db:5432/sluice' }],
    ['a postgresql:// URL over SLUICE_DB_FILE', { SLUICE_DATABASE_URL: 'postgresql://db/sluice', SLUICE_DB_FILE: '/tmp/a.sqlite' }, { kind: 'postgres', url: 'postgresql://db/sluice' }],
  ])('reads %s', (_, env, expected) => {
    expect(storeConfigFromEnv(env)).toEqual(expected);
  });

  it('refuses a URL of another database, naming only its scheme', () => {
    expect(() => storeConfigFromEnv({ SLUICE_DATABASE_URL: 'mysql://root:secret@db/sluice' })).toThrow(/postgres:\/\/ or sqlite: \(got "mysql:…"\)/);
  });

  it.each<StoreConfig>([
    { kind: 'sqlite', file: '/tmp/c.sqlite' },
    { kind: 'postgres', url: 'postgres://u:p@db:5432/sluice' },
  ])('hands a child process the same store: %o', (config) => {
    expect(storeConfigFromEnv(storeEnv(config))).toEqual(config);
  });

  it('describes a PostgreSQL store without its password', () => {
    expect(describeStore({ kind: 'postgres', url: 'postgres://sluice:s3cret@db:5432/sluice' })).toBe('PostgreSQL postgres://sluice:***@db:5432/sluice');
  });
});
