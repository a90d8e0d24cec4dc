import { DefaultLogger, type LogLevel, type RuntimeOptions } from '@temporalio/worker';
import { DEFAULT_METRICS_HOST } from '../api/metrics/metrics-server.ts';

/**
 * The worker's Temporal runtime: its log level, and the SDK's own Prometheus exporter (task latencies,
 * slots, pollers, sticky cache) when SLUICE_WORKER_METRICS_PORT is set, on SLUICE_METRICS_HOST (loopback
 * by default, like the API's /metrics). Durations in seconds, names with their unit and counters with
 * `_total`, as Prometheus names its own.
 */
export function workerRuntimeOptions(env: NodeJS.ProcessEnv = process.env): RuntimeOptions {
  const logger = new DefaultLogger((env.SLUICE_WORKER_LOG_LEVEL ?? 'WARN') as LogLevel);
  const port = env.SLUICE_WORKER_METRICS_PORT;
  if (!port) return { logger };
  const bindAddress = `${env.SLUICE_METRICS_HOST ?? DEFAULT_METRICS_HOST}:${port}`;
  return { logger, telemetryOptions: { metrics: { prometheus: { bindAddress, useSecondsForDurations: true, unitSuffix: true, countersTotalSuffix: true } } } };
}
