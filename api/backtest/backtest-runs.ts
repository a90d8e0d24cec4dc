import { Worker } from 'node:worker_threads';
import { BACKTEST_CONTENT_TYPE, type BacktestLine } from '../../domain/backtest.ts';
import { log } from '../../logging/logger.ts';
import { UserError } from '../errors.ts';
import type { WorkerMessage, WorkerRequest } from './backtest-worker.ts';

export { BACKTEST_CONTENT_TYPE };

export interface BacktestRunsOptions {
  /** Backtests this process runs at once; each takes a core for its whole run. */
  slots?: number;
  /** A run still going after this long is stopped and answered with a `time_limit` line. */
  timeLimitMs?: number;
}

const DEFAULT_SLOTS = 2;
const DEFAULT_TIME_LIMIT_MS = 3 * 60_000;
const WORKER = new URL('./backtest-worker.ts', import.meta.url);
const encoder = new TextEncoder();
const spoken = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 6_000) / 10} minutes` : `${Math.round(ms / 100) / 10} seconds`);
const lineOf = (line: BacktestLine) => encoder.encode(`${JSON.stringify(line)}\n`);

/**
 * The backtests of one API process, each in a worker thread so that the event loop keeps answering
 * requests while it simulates. Nothing is shared between processes: a run lives and dies with its request.
 */
export class BacktestRuns {
  readonly slots: number;
  readonly timeLimitMs: number;
  #running = 0;

  constructor(options: BacktestRunsOptions = {}) {
    this.slots = options.slots ?? DEFAULT_SLOTS;
    this.timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  }

  /**
   * Starts a run and answers once the simulation has accepted its input: a scenario that refuses its
   * parameters is a 400 before anything is streamed. Then progress lines, and the result or an error line.
   */
  async start(request: WorkerRequest, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    if (this.#running >= this.slots) {
      const running = this.slots === 1 ? 'a backtest' : `${this.slots} backtests`;
      throw new UserError(429, 'backtests_busy', `This server is already running ${running}, as many as it runs at once; try again when one has finished.`);
    }
    this.#running++;
    const worker = new Worker(WORKER, { workerData: request });
    const stop = () => void worker.terminate();
    // The line that ends the stream, once known; the stream may not exist yet when the worker dies.
    let last: BacktestLine | null = null;
    let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
    const flush = () => {
      if (!controller || !last) return;
      controller.enqueue(lineOf(last));
      controller.close();
      controller = null;
    };
    const end = (line: BacktestLine) => {
      if (last) return;
      last = line;
      flush();
      stop();
    };
    const failed = { type: 'error', error: { code: 'failed', message: 'The backtest failed on our side; it has been logged.' } } as const;
    const timer = setTimeout(() => {
      end({ type: 'error', error: { code: 'time_limit', message: `The backtest was stopped at its time limit of ${spoken(this.timeLimitMs)}: try fewer replications or a shorter horizon.` } });
    }, this.timeLimitMs);
    signal.addEventListener('abort', stop, { once: true });
    worker.once('exit', () => {
      this.#running--;
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      end({ type: 'error', error: { code: 'stopped', message: 'The backtest stopped before it had a result.' } });
    });
    worker.on('error', (err) => {
      log.error({ err }, 'backtest failed');
      end(failed);
    });
    const pass = (message: WorkerMessage) => {
      if (last) return;
      if (message.type === 'progress') controller?.enqueue(lineOf(message));
      else if (message.type === 'result') end(message);
      else {
        log.error({ err: message.type === 'failed' ? message.error : message.message }, 'backtest failed');
        end(failed);
      }
    };

    const first = await new Promise<WorkerMessage | null>((resolve) => {
      worker.once('message', resolve);
      worker.once('exit', () => resolve(null));
    });
    if (first?.type === 'refused') {
      last = failed;
      stop();
      throw new UserError(400, 'backtest_refused', first.message);
    }
    return new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        if (first) pass(first);
        flush();
        worker.on('message', pass);
      },
      cancel: () => {
        controller = null;
        last ??= failed;
        stop();
      },
    });
  }
}
