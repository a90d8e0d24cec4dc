import { AsyncLocalStorage } from 'node:async_hooks';

/** What a line logged while serving a request or running an activity says about it (a request id, a workflow id, an order id). */
export type LogFields = Record<string, string | number | boolean>;

const storage = new AsyncLocalStorage<LogFields>();

/** Runs `work` with `fields` added to every line it logs, however deep the call that logs. */
export function withLogContext<T>(fields: LogFields, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function logContext(): LogFields {
  return storage.getStore() ?? {};
}
