import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by this Node process (all its threads) and by another process, from /proc. */
export function cpuSeconds(otherPid: number): { node: number; server: number } {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, server: processCpuSeconds(otherPid) };
}

// /proc/<pid>/stat after the command's closing parenthesis: ppid is the 2nd field, utime, stime, cutime and
// cstime the 12th to 15th, in clock ticks (100 per second on Linux).
function statFields(pid: number | string): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : Number.NaN;
}

/**
 * CPU seconds used so far by a server that forks a process per connection (PostgreSQL): the parent, its
 * live children, and the children it has already reaped.
 */
export function processTreeCpuSeconds(pid: number): number {
  const parent = statFields(pid);
  if (!parent) return Number.NaN;
  let ticks = Number(parent[11]) + Number(parent[12]) + Number(parent[13]) + Number(parent[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}
