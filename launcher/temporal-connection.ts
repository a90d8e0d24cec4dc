import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { TemporalConfig } from './temporal-config.ts';

/**
 * What both the API's Client connection and the worker's NativeConnection need to reach Temporal: the two
 * take the same address, TLS settings and API key, so they are built here once from the settings.
 */
export type TemporalConnectionOptions = { address: string; tls: TLSConfig | boolean; apiKey?: string };

type ReadFile = (path: string) => Buffer;

export function connectionOptions(config: TemporalConfig, address = config.connection.address, readFile: ReadFile = readFileSync): TemporalConnectionOptions {
  const { apiKey, tls, tlsCertPath, tlsKeyPath, tlsCaPath, tlsServerName } = config.connection;
  if (Boolean(tlsCertPath) !== Boolean(tlsKeyPath)) {
    const [has, lacks] = tlsCertPath ? ['certificate (TEMPORAL_TLS_CERT_PATH)', 'key (TEMPORAL_TLS_KEY_PATH)'] : ['key (TEMPORAL_TLS_KEY_PATH)', 'certificate (TEMPORAL_TLS_CERT_PATH)'];
    throw new Error(`Temporal mTLS needs both a client certificate and its key: the ${has} is set, the ${lacks} is not.`);
  }
  const settings: TLSConfig = {
    ...(tlsCertPath ? { clientCertPair: { crt: read(readFile, 'TEMPORAL_TLS_CERT_PATH', tlsCertPath), key: read(readFile, 'TEMPORAL_TLS_KEY_PATH', tlsKeyPath) } } : {}),
    ...(tlsCaPath ? { serverRootCACertificate: read(readFile, 'TEMPORAL_TLS_CA_PATH', tlsCaPath) } : {}),
    ...(tlsServerName ? { serverNameOverride: tlsServerName } : {}),
  };
  // Like the Temporal CLI: an API key travels only over TLS, and any TLS setting means TLS.
  const useTls = tls || apiKey !== '' || Object.keys(settings).length > 0;
  return { address, tls: useTls && Object.keys(settings).length > 0 ? settings : useTls, ...(apiKey ? { apiKey } : {}) };
}

function read(readFile: ReadFile, variable: string, path: string): Buffer {
  try {
    return readFile(path);
  } catch (error) {
    throw new Error(`Cannot read ${path} (${variable}, for the Temporal TLS connection): ${(error as Error).message}`, { cause: error });
  }
}
