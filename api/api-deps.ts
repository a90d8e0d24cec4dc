import type { Client } from '@temporalio/client';
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/open-store.ts';
import type { AppEnv } from './auth/principal.ts';
import type { BacktestRuns } from './backtest/backtest-runs.ts';
import type { FeedOptions } from './live-events/event-feed.ts';
import type { ApiMetrics } from './metrics/api-metrics.ts';
import type { RateLimits } from '../store/tracking/public-rate-limit.ts';
import type { MapTiles } from './zones/map-tiles.ts';

export interface ApiDeps {
  store: Store;
  temporal: Client;
  taskQueue: string;
  /** The built designer; when absent, `/` explains how to build it. */
  staticDir?: string;
  /** How the process's reader of live events polls and checks the streams' credentials. */
  liveEvents?: FeedOptions;
  /** Counts the app's requests for /metrics (served on a port of its own, see api/metrics/metrics-server.ts). */
  metrics?: ApiMetrics;
  /** A span per request (`api/request-spans.ts`), when tracing is on. */
  requestSpans?: MiddlewareHandler<AppEnv>;
  /** The process's backtests in worker threads; one with its defaults when absent. */
  backtests?: BacktestRuns;
  /** The public tracking routes' limits; from the environment when absent (api/tracking/public-rate-limits.ts). */
  publicRateLimits?: RateLimits;
  /** The map's background tiles; from the environment when absent (api/zones/map-tiles.ts), null for none. */
  mapTiles?: MapTiles;
}
