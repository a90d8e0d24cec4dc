import { describe, expect, it } from 'vitest';
import { loadTemporalConfig, type TemporalConfig } from './temporal-config.ts';
import { connectionOptions } from './temporal-connection.ts';

const base = loadTemporalConfig({ env: {} });
const withConnection = (connection: Partial<TemporalConfig['connection']>): TemporalConfig => ({ ...base, connection: { ...base.connection, ...connection } });
const files: Record<string, string> = { '/tls/client.pem': 'CERT', '/tls/client.key': 'KEY', '/tls/ca.pem': 'CA' };
const readFile = (path: string): Buffer => {
  if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return Buffer.from(files[path]!);
};
const bytes = (text: string) => Buffer.from(text);

describe('connectionOptions', () => {
  it.each<[string, Partial<TemporalConfig['connection']>, string | undefined, object]>([
    ['plain local server', { address: '127.0.0.1:7233' }, undefined, { address: '127.0.0.1:7233', tls: false }],
    ['TLS', { address: 'a:7233', tls: true }, undefined, { address: 'a:7233', tls: true }],
    ['API key implies TLS', { address: 'a:7233', apiKey: 'k' }, undefined, { address: 'a:7233', tls: true, apiKey: 'k' }],
    ['explicit address wins', { address: '' }, '127.0.0.1:40000', { address: '127.0.0.1:40000', tls: false }],
    [
      'mTLS certificate and key imply TLS',
      { address: 'a:7233', tlsCertPath: '/tls/client.pem', tlsKeyPath: '/tls/client.key' },
      undefined,
      { address: 'a:7233', tls: { clientCertPair: { crt: bytes('CERT'), key: bytes('KEY') } } },
    ],
    ['CA and server name', { address: 'a:7233', tlsCaPath: '/tls/ca.pem', tlsServerName: 'temporal.internal' }, undefined, { address: 'a:7233', tls: { serverRootCACertificate: bytes('CA'), serverNameOverride: 'temporal.internal' } }],
    [
      'mTLS, CA and API key together',
      { address: 'a:7233', tlsCertPath: '/tls/client.pem', tlsKeyPath: '/tls/client.key', tlsCaPath: '/tls/ca.pem', apiKey: 'k' },
      undefined,
      { address: 'a:7233', tls: { clientCertPair: { crt: bytes('CERT'), key: bytes('KEY') }, serverRootCACertificate: bytes('CA') }, apiKey: 'k' },
    ],
  ])('%s', (_name, connection, address, expected) => {
    expect(connectionOptions(withConnection(connection), address, readFile)).toEqual(expected);
  });

  it.each<[string, Partial<TemporalConfig['connection']>, RegExp]>([
    ['a certificate without its key', { tlsCertPath: '/tls/client.pem' }, /the certificate \(TEMPORAL_TLS_CERT_PATH\) is set, the key \(TEMPORAL_TLS_KEY_PATH\) is not/],
    ['a key without its certificate', { tlsKeyPath: '/tls/client.key' }, /the key \(TEMPORAL_TLS_KEY_PATH\) is set, the certificate \(TEMPORAL_TLS_CERT_PATH\) is not/],
    ['an unreadable key', { tlsCertPath: '/tls/client.pem', tlsKeyPath: '/tls/missing.key' }, /Cannot read \/tls\/missing\.key \(TEMPORAL_TLS_KEY_PATH.*ENOENT/],
    ['an unreadable CA', { tlsCaPath: '/tls/missing-ca.pem' }, /Cannot read \/tls\/missing-ca\.pem \(TEMPORAL_TLS_CA_PATH/],
  ])('refuses %s', (_name, connection, message) => {
    expect(() => connectionOptions(withConnection({ address: 'a:7233', ...connection }), undefined, readFile)).toThrow(message);
  });
});
