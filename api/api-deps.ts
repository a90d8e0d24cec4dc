import type { Client } from '@temporalio/client';
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/open-store.ts';
import type { AppEnv } from './auth/principal.ts';
import type { FeedOptions } from './live-events/event-feed.ts';

export interface ApiDeps {
  store: Store;
  temporal: Client;
  taskQueue: string;
  /** The built designer; when absent, `/` explains how to build it. */
  staticDir?: string;
  /** How the process's reader of live events polls and checks the streams' credentials. */
  liveEvents?: FeedOptions;
  /** A span per request (`api/request-spans.ts`), when tracing is on. */
  requestSpans?: MiddlewareHandler<AppEnv>;
}
