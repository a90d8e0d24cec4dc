import { ensureTemporal } from '../launcher/ensure-temporal.ts';
import { loadTemporalConfig } from '../launcher/temporal-config.ts';

// `npm run temporal`: the Temporal server Sluice would use, on its own, for working with the CLI or the Web UI.
const config = loadTemporalConfig();
const temporal = await ensureTemporal(config, {
  devServerOverrides: {
    log: (line) => console.error(line),
    onExit: (code, signal) => {
      console.error(`Temporal dev server stopped unexpectedly (${signal ?? `code ${code}`})`);
      process.exitCode = 1;
    },
  },
}).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});

const { namespace, taskQueue } = config.connection;
console.log(`Temporal ${temporal.external ? 'server (external)' : 'dev server'}: ${temporal.address}  namespace ${namespace}  task queue ${taskQueue}`);
console.log(`Web UI: ${temporal.uiUrl ?? '(none)'}`);

if (temporal.external) {
  console.log('It answers; nothing to run here.');
} else {
  console.log('Ctrl-C stops it.');
  const shutdown = () => {
    void temporal.stop().then(() => process.exit(process.exitCode ?? 0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
