import { startThrowawayPostgres } from '../launcher/throwaway-postgres.ts';

// `npm run postgres`: a throwaway PostgreSQL to run Sluice against (`SLUICE_DATABASE_URL=… ./sluice start`); its data goes when it stops.
const server = await startThrowawayPostgres().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
console.log(`PostgreSQL: SLUICE_DATABASE_URL=${server.serverUrl}/sluice`);
console.log('Ctrl-C stops it and removes its data.');
const shutdown = () => {
  server.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
setInterval(() => {}, 1 << 30);
