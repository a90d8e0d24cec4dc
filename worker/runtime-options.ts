import { makeTelemetryFilterString, type LogLevel, type RuntimeOptions } from '@temporalio/worker';
import { DEFAULT_METRICS_HOST } from '../api/metrics/metrics-server.ts';
import { temporalRuntimeLogger } from './temporal-logs.ts';

/**
 * The worker's Temporal runtime. Its lines, the core's own included, go through the process's logger so
 * that the process writes nothing but JSON lines (SLUICE_WORKER_LOG_LEVEL). When SLUICE_WORKER_METRICS_PORT
 * is set, the SDK's own Prometheus exporter (task latencies, slots, pollers, sticky cache) listens on
 * SLUICE_METRICS_HOST (loopback by default, like the API's /metrics): durations in seconds, names with
 * their unit and counters with `_total`, as Prometheus names its own.
 */
export function workerRuntimeOptions(env: NodeJS.ProcessEnv = process.env): RuntimeOptions {
  const level = (env.SLUICE_WORKER_LOG_LEVEL ?? 'WARN') as LogLevel;
  const logging = { filter: makeTelemetryFilterString({ core: level }), forward: {} };
  const port = env.SLUICE_WORKER_METRICS_PORT;
  const bindAddress = `${env.SLUICE_METRICS_HOST ?? DEFAULT_METRICS_HOST}:${port}`;
  const metrics = port ? { metrics: { prometheus: { bindAddress, useSecondsForDurations: true, unitSuffix: true, countersTotalSuffix: true } } } : {};
  return { logger: temporalRuntimeLogger(level), telemetryOptions: { logging, ...metrics } };
}
