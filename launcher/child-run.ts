import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Run } from './supervisor.ts';

const stopTimeoutMs = 10_000;

export type ChildOptions = {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The run is ready once the child prints a line containing this. */
  readyLine: string;
  /** Receives every line the child prints on stdout; stderr is passed through. */
  log: (line: string) => void;
};

/** Starts a child process as one supervised run: resolves once it prints its ready line, rejects if it ends before. */
export function startChild(options: ChildOptions): Promise<Run & { pid: number }> {
  const child = spawn(options.command, options.args, { env: options.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`));
  });
  // A crashed launcher must not leave its children running; 'exit' handlers may only do synchronous work, and kill() is.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const force = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    }
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      options.log(line);
      if (!ready && line.includes(options.readyLine)) {
        ready = true;
        resolve({ exited, stop, pid: child.pid ?? 0 });
      }
    });
    void exited.then((how) => {
      if (!ready) reject(new Error(`exited before it was ready (${how})`));
    });
  });
}
