import type { Client } from '@temporalio/client';
import type { Store } from '../store/open-store.ts';

/** What activities reach the outside world through; the worker builds it once. */
export interface ActivityDeps {
  store: Store;
  temporal: Client;
  taskQueue: string;
  clock: () => Date;
}
