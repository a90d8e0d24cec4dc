import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from './repo-root.ts';

// An operator writing `address:` with nothing after it means "empty", not an error.
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const port = z.int().min(0).max(65_535);

const temporalConfigSchema = z.strictObject({
  connection: z.strictObject({
    address: optionalText,
    namespace: z.string().min(1),
    taskQueue: z.string().min(1),
    tls: z.boolean(),
    apiKey: optionalText,
    // mTLS client certificate and key (PEM files), the CA that signed the server's certificate, and the name
    // its certificate carries when that is not the address's host.
    tlsCertPath: optionalText,
    tlsKeyPath: optionalText,
    tlsCaPath: optionalText,
    tlsServerName: optionalText,
    uiUrl: optionalText,
  }),
  devServer: z.strictObject({
    ip: z.string().min(1),
    port,
    uiPort: z.union([port, z.literal(false)]),
    dbFile: optionalText,
    logLevel: z.enum(['debug', 'info', 'warn', 'error']),
  }),
});

export type TemporalConfig = z.output<typeof temporalConfigSchema>;

export const defaultConfigFile = join(repoRoot, 'temporal.yaml');

const textOverrides = {
  TEMPORAL_ADDRESS: 'address',
  TEMPORAL_NAMESPACE: 'namespace',
  TEMPORAL_TASK_QUEUE: 'taskQueue',
  TEMPORAL_API_KEY: 'apiKey',
  TEMPORAL_TLS_CERT_PATH: 'tlsCertPath',
  TEMPORAL_TLS_KEY_PATH: 'tlsKeyPath',
  TEMPORAL_TLS_CA_PATH: 'tlsCaPath',
  TEMPORAL_TLS_SERVER_NAME: 'tlsServerName',
} as const;

const pathKeys = ['tlsCertPath', 'tlsKeyPath', 'tlsCaPath'] as const;

export function loadTemporalConfig(options: { file?: string; env?: NodeJS.ProcessEnv } = {}): TemporalConfig {
  const file = resolve(options.file ?? defaultConfigFile);
  const env = options.env ?? process.env;
  const config = parseConfigFile(file);
  // A path in the file is relative to the file; one in the environment, to the working directory.
  for (const key of pathKeys) if (config.connection[key]) config.connection[key] = resolve(dirname(file), config.connection[key]);
  for (const [name, key] of Object.entries(textOverrides)) {
    const value = env[name];
    // An exported but empty variable is treated as unset, so `TEMPORAL_ADDRESS=` cannot blank the file's value.
    if (value) config.connection[key] = (pathKeys as readonly string[]).includes(key) ? resolve(value) : value;
  }
  const tls = env.TEMPORAL_TLS;
  if (tls) config.connection.tls = parseBoolean('TEMPORAL_TLS', tls);
  if (config.devServer.dbFile) config.devServer.dbFile = resolve(dirname(file), config.devServer.dbFile);
  return config;
}

function parseConfigFile(file: string): TemporalConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the Temporal settings ${file}: ${(error as Error).message}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const result = temporalConfigSchema.safeParse(raw);
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map(describeIssue).join('; ')}`);
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${[...path, key].join('.')}: unknown key`).join('; ');
  return `${path.join('.') || '(top level)'}: ${issue.message}`;
}

function parseBoolean(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be true or false, not ${JSON.stringify(value)}`);
}
