import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { repoRoot } from './repo-root.ts';
import { connectionOptions, loadTemporalConfig } from './temporal-config.ts';
import type { TemporalConfig } from './temporal-config.ts';

const folder = mkdtempSync(join(tmpdir(), 'sluice-temporal-config-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeConfig(name: string, content: string): string {
  const file = join(folder, name);
  writeFileSync(file, content);
  return file;
}

const valid = {
  connection: { address: '', namespace: 'default', taskQueue: 'sluice', tls: false, apiKey: '' },
  devServer: { ip: '127.0.0.1', port: 7233, uiPort: 8233, dbFile: 'state/temporal.sqlite', logLevel: 'warn' },
};

function variant(change: (raw: typeof valid & Record<string, unknown>) => void): string {
  const raw = structuredClone(valid);
  change(raw);
  return stringify(raw);
}

describe('loadTemporalConfig', () => {
  it('reads the defaults from temporal.yaml', () => {
    expect(loadTemporalConfig({ env: {} })).toEqual({
      connection: { address: '', namespace: 'default', taskQueue: 'sluice', tls: false, apiKey: '', uiUrl: '' },
      devServer: { ip: '127.0.0.1', port: 7233, uiPort: 8233, dbFile: join(repoRoot, '.data', 'temporal.sqlite'), logLevel: 'warn' },
    });
  });

  const file = writeConfig('valid.yaml', stringify(valid));

  it.each<[string, string, (config: TemporalConfig) => unknown, unknown]>([
    ['TEMPORAL_ADDRESS', 'temporal.example.com:7233', (c) => c.connection.address, 'temporal.example.com:7233'],
    ['TEMPORAL_NAMESPACE', 'sluice-prod', (c) => c.connection.namespace, 'sluice-prod'],
    ['TEMPORAL_TASK_QUEUE', 'sluice-blue', (c) => c.connection.taskQueue, 'sluice-blue'],
    ['TEMPORAL_API_KEY', 'secret', (c) => c.connection.apiKey, 'secret'],
    ['TEMPORAL_TLS', 'true', (c) => c.connection.tls, true],
    ['TEMPORAL_ADDRESS', '', (c) => c.connection.address, ''],
  ])('%s=%j overrides the file', (name, value, pick, expected) => {
    expect(pick(loadTemporalConfig({ file, env: { [name]: value } }))).toEqual(expected);
  });

  it('lets TEMPORAL_TLS=false switch off TLS the file asks for', () => {
    const tlsFile = writeConfig('tls.yaml', variant((raw) => (raw.connection.tls = true)));
    expect(loadTemporalConfig({ file: tlsFile, env: { TEMPORAL_TLS: 'false' } }).connection.tls).toBe(false);
  });

  it('resolves a relative dbFile against the folder of the file, and keeps empty for in-memory', () => {
    expect(loadTemporalConfig({ file, env: {} }).devServer.dbFile).toBe(join(folder, 'state', 'temporal.sqlite'));
    const memory = writeConfig('memory.yaml', variant((raw) => (raw.devServer.dbFile = '')));
    expect(loadTemporalConfig({ file: memory, env: {} }).devServer.dbFile).toBe('');
  });

  it.each<[string, string, RegExp]>([
    ['misspelt key', variant((raw) => Object.assign(raw.connection, { adress: 'x:1' })), /connection\.adress: unknown key/],
    ['port not a number', variant((raw) => Object.assign(raw.devServer, { port: 'seven' })), /devServer\.port: /],
    ['unknown log level', variant((raw) => Object.assign(raw.devServer, { logLevel: 'loud' })), /devServer\.logLevel: /],
    ['missing namespace', variant((raw) => Object.assign(raw.connection, { namespace: undefined })), /connection\.namespace: /],
    ['missing section', variant((raw) => Object.assign(raw, { devServer: undefined })), /devServer: /],
    ['broken YAML', 'connection: [', /is not valid YAML/],
  ])('names the file and the offending key: %s', (name, content, message) => {
    const bad = writeConfig(`${name.replaceAll(' ', '-')}.yaml`, content);
    expect(() => loadTemporalConfig({ file: bad, env: {} })).toThrow(message);
    expect(() => loadTemporalConfig({ file: bad, env: {} })).toThrow(bad);
  });

  it('names a missing file', () => {
    const missing = join(folder, 'absent.yaml');
    expect(() => loadTemporalConfig({ file: missing, env: {} })).toThrow(missing);
  });

  it('refuses a TEMPORAL_TLS that is not true or false', () => {
    expect(() => loadTemporalConfig({ file, env: { TEMPORAL_TLS: 'yes' } })).toThrow(/TEMPORAL_TLS must be true or false/);
  });
});

describe('connectionOptions', () => {
  const base = loadTemporalConfig({ env: {} });
  const withConnection = (connection: Partial<TemporalConfig['connection']>): TemporalConfig => ({
    ...base,
    connection: { ...base.connection, ...connection },
  });

  it.each<[string, TemporalConfig, string | undefined, object]>([
    ['plain local server', withConnection({ address: '127.0.0.1:7233' }), undefined, { address: '127.0.0.1:7233', tls: false }],
    ['TLS', withConnection({ address: 'a:7233', tls: true }), undefined, { address: 'a:7233', tls: true }],
    ['API key implies TLS', withConnection({ address: 'a:7233', apiKey: 'k' }), undefined, { address: 'a:7233', tls: true, apiKey: 'k' }],
    ['explicit address wins', withConnection({ address: '' }), '127.0.0.1:40000', { address: '127.0.0.1:40000', tls: false }],
  ])('%s', (_name, config, address, expected) => {
    expect(connectionOptions(config, address)).toEqual(expected);
  });
});
