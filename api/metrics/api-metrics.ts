import type { MiddlewareHandler } from 'hono';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Store } from '../../store/open-store.ts';
import { openStreams } from '../live-events/event-feed.ts';
import { businessMetrics, type BusinessMetricsOptions } from './business-metrics.ts';
import { httpMetrics } from './http-metrics.ts';
import { log } from '../../logging/logger.ts';

export interface ApiMetrics {
  /** Counts and times the app's requests; `createApp` mounts it first. */
  http: MiddlewareHandler;
  /** A scrape: the business figures read from the store now, with the process's own counters, in Prometheus text format. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/**
 * The API process's metrics, in a registry of its own rather than prom-client's global one, so that a
 * process (a test) may hold several apps, each with its figures.
 */
export function createApiMetrics(store: Store, options: Partial<BusinessMetricsOptions> = {}): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'sluice_live_event_streams',
    help: 'Live event streams (GET /events, server-sent events) open in this process.',
    registers: [registry],
    collect() {
      this.set(openStreams(store));
    },
  });
  const business = businessMetrics(registry, store, { log: (line) => log.warn(line), now: Date.now, ...options });
  return {
    http: httpMetrics(registry),
    async scrape() {
      await business.refresh();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
