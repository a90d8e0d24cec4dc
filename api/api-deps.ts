import type { Client } from '@temporalio/client';
import type { Store } from '../store/open-store.ts';

export interface ApiDeps {
  store: Store;
  temporal: Client;
  taskQueue: string;
  /** The built designer; when absent, `/` explains how to build it. */
  staticDir?: string;
  /** How often the event stream looks for new audit entries. */
  eventPollMs?: number;
}
