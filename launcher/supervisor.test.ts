import { describe, expect, it } from 'vitest';
import { startChild } from './child-run.ts';
import { restartDecision, supervise, type RestartPolicy } from './supervisor.ts';

const policy: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 8_000, stableRunMs: 60_000, maxCrashesInARow: 6 };

describe('restartDecision', () => {
  it.each<[number, ReturnType<typeof restartDecision>]>([
    [1, { restartInMs: 1_000 }],
    [2, { restartInMs: 2_000 }],
    [3, { restartInMs: 4_000 }],
    [4, { restartInMs: 8_000 }],
    [5, { restartInMs: 8_000 }],
    [6, { restartInMs: 8_000 }],
    [7, { giveUp: true }],
  ])('crash %i in a row: %j', (crashes, expected) => {
    expect(restartDecision(policy, crashes)).toEqual(expected);
  });
});

// A real child that prints its pid once ready and runs until killed, or ends at once with `exitAfterReady`.
const script = (exitAfterReady: boolean) => `console.log('ready ' + process.pid); ${exitAfterReady ? 'setTimeout(() => process.exit(3), 50)' : 'setInterval(() => {}, 1000)'}`;
const childOf = (exitAfterReady: boolean, log: (line: string) => void) => () =>
  startChild({ command: process.execPath, args: ['-e', script(exitAfterReady)], env: process.env, readyLine: 'ready', log });
const fast: RestartPolicy = { firstDelayMs: 20, maxDelayMs: 100, stableRunMs: 60_000, maxCrashesInARow: 3 };

describe('supervise', () => {
  it('restarts a child that is killed, and says so', async () => {
    const lines: string[] = [];
    const pids: number[] = [];
    const log = (line: string) => {
      lines.push(line);
      const pid = /^ready (\d+)$/.exec(line)?.[1];
      if (pid) pids.push(Number(pid));
    };
    const supervised = await supervise({ name: 'The test child', start: childOf(false, log), log, onGiveUp: () => {}, policy: fast });
    try {
      expect(pids).toHaveLength(1);
      process.kill(pids[0]!, 'SIGKILL');
      await expect.poll(() => pids.length, { timeout: 10_000 }).toBe(2);
      expect(pids[1]).not.toBe(pids[0]);
      expect(lines).toContain('[launcher] The test child exited unexpectedly (SIGKILL); restarting it in 20 ms (crash 1 in a row).');
      expect(lines).toContain('[launcher] The test child restarted.');
    } finally {
      await supervised.stop();
    }
    expect(() => process.kill(pids[1]!, 0)).toThrow();
  });

  it('starts the count afresh after a stable run', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    let now = 0;
    // Every run looks a minute long, longer than stableRunMs: each crash is the first in a row, and it never gives up.
    const clock = () => (now += 61_000);
    const supervised = await supervise({ name: 'The test child', start: childOf(true, log), log, onGiveUp: () => {}, policy: fast, clock });
    try {
      await expect.poll(() => lines.filter((line) => line.includes('restarting it in')).length, { timeout: 10_000 }).toBeGreaterThan(fast.maxCrashesInARow + 1);
      expect(lines.filter((line) => line.includes('restarting it in')).every((line) => line.endsWith('restarting it in 20 ms (crash 1 in a row).'))).toBe(true);
    } finally {
      await supervised.stop();
    }
  });

  it('gives up after a storm of crashes, with the reason', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    let gaveUp: (reason: string) => void = () => {};
    const givenUp = new Promise<string>((resolve) => (gaveUp = resolve));
    const supervised = await supervise({ name: 'The test child', start: childOf(true, log), log, onGiveUp: gaveUp, policy: fast });
    try {
      expect(await givenUp).toBe('The test child crashed 4 times in a row, each within 60 s of starting (last: code 3); not restarting it again.');
      expect(lines.filter((line) => line.includes('restarting it in'))).toEqual([
        '[launcher] The test child exited unexpectedly (code 3); restarting it in 20 ms (crash 1 in a row).',
        '[launcher] The test child exited unexpectedly (code 3); restarting it in 40 ms (crash 2 in a row).',
        '[launcher] The test child exited unexpectedly (code 3); restarting it in 80 ms (crash 3 in a row).',
      ]);
    } finally {
      await supervised.stop();
    }
  });
});
