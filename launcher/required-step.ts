import { log } from '../logging/logger.ts';

/**
 * A step a process cannot work without (opening the store, reaching Temporal). Its failure ends the process
 * with exit code 1 and one line naming what failed: in a cluster the supervisor (an orchestrator, systemd,
 * `./sluice start`) sees the code and restarts it, instead of a process that runs but cannot work.
 */
export async function requiredStep<T>(processName: string, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    log.fatal({ err: error }, `the ${processName} cannot start: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
