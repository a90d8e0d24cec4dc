/**
 * `./sluice test --year-ahead` (scripts/test-year-ahead.sh) moves the Node processes' wall clock with
 * libfaketime, preloaded through LD_PRELOAD. Programs that are not Node keep the machine's clock, as a
 * browser or a Temporal cluster keeps its own: Chromium's zygote does not survive the preload at all.
 */
export const clockShifted = process.env.FAKETIME !== undefined;

const PRELOAD_VARIABLES = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'NO_FAKE_STAT'] as const;

/** The environment for a program that is not Node: without the clock shift. */
export function unshiftedEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !(PRELOAD_VARIABLES as readonly string[]).includes(e[0])));
}

/**
 * Runs `start` (which spawns a program this process does not control the environment of, such as the
 * SDK's test server) with the clock shift taken out of this process's environment, then puts it back.
 */
export async function withoutClockShift<T>(start: () => Promise<T>): Promise<T> {
  const saved = PRELOAD_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  try {
    return await start();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}
