/**
 * Keeps one process of `./sluice start` running: a run that ends without being asked to is started again
 * after a delay that doubles with each crash in a row, and a run that lasted `stableRunMs` starts the count
 * afresh. A storm of quick crashes is a fault a restart will not cure (a bad configuration, a port taken),
 * so after `maxCrashesInARow` the supervisor gives up and says why.
 */
export type RestartPolicy = { firstDelayMs: number; maxDelayMs: number; stableRunMs: number; maxCrashesInARow: number };

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, stableRunMs: 60_000, maxCrashesInARow: 6 };

export type RestartDecision = { restartInMs: number } | { giveUp: true };

/** What to do after the `crashesInARow`-th crash in a row (1 for a crash after a stable run). */
export function restartDecision(policy: RestartPolicy, crashesInARow: number): RestartDecision {
  if (crashesInARow > policy.maxCrashesInARow) return { giveUp: true };
  return { restartInMs: Math.min(policy.firstDelayMs * 2 ** (crashesInARow - 1), policy.maxDelayMs) };
}

/** One run of a process: `exited` resolves with how it ended (e.g. "code 1", "SIGKILL"), also after `stop()`. */
export type Run = { exited: Promise<string>; stop(): Promise<void> };

export type SupervisorOptions = {
  name: string;
  /** Starts a run and resolves once it is ready; a rejection counts as a crash. */
  start: () => Promise<Run>;
  log: (line: string) => void;
  /** Called once the supervisor gives up, with the reason. */
  onGiveUp: (reason: string) => void;
  policy?: RestartPolicy;
  clock?: () => number;
};

export type Supervised = { stop(): Promise<void> };

/** Starts the first run (its failure is thrown: nothing ran yet), then restarts each crashed run until stopped or given up. */
export async function supervise(options: SupervisorOptions): Promise<Supervised> {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const clock = options.clock ?? Date.now;
  let current: Run | null = await options.start();
  let stopped = false;
  let wake: () => void = () => {};

  const loop = async () => {
    let crashesInARow = 0;
    let startedAt = clock();
    while (current) {
      const how = await current.exited;
      current = null;
      if (stopped) return;
      crashesInARow = clock() - startedAt >= policy.stableRunMs ? 1 : crashesInARow + 1;
      const decision = restartDecision(policy, crashesInARow);
      if ('giveUp' in decision) {
        const reason = `${options.name} crashed ${crashesInARow} times in a row, each within ${policy.stableRunMs / 1000} s of starting (last: ${how}); not restarting it again.`;
        options.log(`[launcher] ${reason}`);
        return options.onGiveUp(reason);
      }
      options.log(`[launcher] ${options.name} exited unexpectedly (${how}); restarting it in ${formatDelay(decision.restartInMs)} (crash ${crashesInARow} in a row).`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, decision.restartInMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopped) return;
      startedAt = clock();
      try {
        current = await options.start();
        options.log(`[launcher] ${options.name} restarted.`);
      } catch (error) {
        current = { exited: Promise.resolve(`failed to start: ${(error as Error).message}`), stop: async () => {} };
      }
      if (stopped) return current.stop();
    }
  };
  const looping = loop();

  return {
    async stop() {
      stopped = true;
      wake();
      await current?.stop();
      await looping;
    },
  };
}

function formatDelay(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${ms / 1_000} s`;
}
