/**
 * Runs `pass` at once and then `intervalMs` after each pass ends, until stopped. A failed pass (its
 * dependency down) is handed to `onError` and the next one tries again; `stop()` waits for a pass under way.
 */
export function repeatUntilStopped(pass: () => Promise<void>, intervalMs: number, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = pass().catch(onError);
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
