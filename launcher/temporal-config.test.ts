import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { repoRoot } from './repo-root.ts';
import { loadTemporalConfig } from './temporal-config.ts';
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
      connection: { address: '', namespace: 'default', taskQueue: 'sluice', tls: false, apiKey: '', tlsCertPath: '', tlsKeyPath: '', tlsCaPath: '', tlsServerName: '', uiUrl: '' },
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
    ['TEMPORAL_TLS_CERT_PATH', 'certs/client.pem', (c) => c.connection.tlsCertPath, resolve('certs/client.pem')],
    ['TEMPORAL_TLS_KEY_PATH', '/etc/sluice/client.key', (c) => c.connection.tlsKeyPath, '/etc/sluice/client.key'],
    ['TEMPORAL_TLS_CA_PATH', 'ca.pem', (c) => c.connection.tlsCaPath, resolve('ca.pem')],
    ['TEMPORAL_TLS_SERVER_NAME', 'temporal.internal', (c) => c.connection.tlsServerName, 'temporal.internal'],
  ])('%s=%j overrides the file', (name, value, pick, expected) => {
    expect(pick(loadTemporalConfig({ file, env: { [name]: value } }))).toEqual(expected);
  });

  it('lets TEMPORAL_TLS=false switch off TLS the file asks for', () => {
    const tlsFile = writeConfig('tls.yaml', variant((raw) => (raw.connection.tls = true)));
    expect(loadTemporalConfig({ file: tlsFile, env: { TEMPORAL_TLS: 'false' } }).connection.tls).toBe(false);
  });

  it('resolves a TLS file named in the file against the folder of the file', () => {
    const tlsFile = writeConfig('tls-files.yaml', variant((raw) => Object.assign(raw.connection, { tlsCaPath: 'certs/ca.pem' })));
    expect(loadTemporalConfig({ file: tlsFile, env: {} }).connection.tlsCaPath).toBe(join(folder, 'certs', 'ca.pem'));
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
