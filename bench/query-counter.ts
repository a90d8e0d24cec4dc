import type { StatementSync } from 'node:sqlite';

/**
 * Counts the reads (`select`s) SQLite runs in this process from now on, at the driver: the ORM's queries
 * and plain SQL alike.
 */
export function countReads(): { reads(): number } {
  const proto = process.getBuiltinModule('node:sqlite').StatementSync.prototype as { all: (...params: unknown[]) => unknown };
  const all = proto.all;
  let reads = 0;
  proto.all = function (this: StatementSync, ...params: unknown[]) {
    if (/^\s*select\b/i.test(this.sourceSQL)) reads++;
    return all.apply(this, params);
  };
  return { reads: () => reads };
}
