import { readFileSync } from 'node:fs';

/** CPU seconds used so far by this Node process (all its threads) and by another process, from /proc. */
export function cpuSeconds(otherPid: number): { node: number; server: number } {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, server: processCpuSeconds(otherPid) };
}

// /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
