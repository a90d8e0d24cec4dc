import type { Client } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { openStore } from '../store/open-store.ts';
import { storeConfigFromEnv } from '../store/store-config.ts';

/*
 * An API process that takes one order and is killed (SIGKILL) at the moment it would start the order's
 * workflow, after the store committed the order: what a crash between intake's two steps leaves behind.
 * Run by api/order-intake.test.ts as `node test/intake-killed-before-start.ts <store file> <authorization> <body>`.
 */
const [authorization, body] = process.argv.slice(2) as [string, string];
const store = await openStore(storeConfigFromEnv());
const killedAtStart = { withDeadline: () => process.kill(process.pid, 'SIGKILL') } as unknown as Client;
const app = createApp({ store, temporal: killedAtStart, taskQueue: 'never-reached' });
const res = await app.request('/orders', { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });
console.error(`the API process was not killed: ${res.status} ${await res.text()}`);
process.exit(1);
