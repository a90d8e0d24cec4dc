import type { TestProject } from 'vitest/node';
import { ensureTemporal } from '../launcher/ensure-temporal.ts';
import { loadTemporalConfig } from '../launcher/temporal-config.ts';
import { startThrowawayPostgres } from '../launcher/throwaway-postgres.ts';

// One Temporal server for the whole run, started before any test file: a headless in-memory dev server
// on free ports (ready in about 0.3 s), or the server named by TEMPORAL_ADDRESS.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadTemporalConfig();
  // Only an explicit TEMPORAL_ADDRESS points the tests at an existing server, never a cluster configured in temporal.yaml.
  const address = process.env.TEMPORAL_ADDRESS ? config.connection.address : '';
  const temporal = await ensureTemporal(
    { ...config, connection: { ...config.connection, address } },
    { devServerOverrides: { port: 0, uiPort: false, dbFile: undefined } },
  );
  project.provide('temporalAddress', temporal.address);
  project.provide('temporalNamespace', config.connection.namespace);
  // SLUICE_TEST_STORE=postgres: one throwaway PostgreSQL server for the run; each test store is a database on it.
  const postgres = process.env.SLUICE_TEST_STORE === 'postgres' ? await startThrowawayPostgres() : null;
  project.provide('postgresServerUrl', postgres?.serverUrl ?? '');
  return async () => {
    postgres?.stop();
    await temporal.stop();
  };
}
