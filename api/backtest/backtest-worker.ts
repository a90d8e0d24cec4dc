import { parentPort, workerData } from 'node:worker_threads';
import type { BacktestResult, Kpi, PolicyRole } from '../../domain/backtest.ts';
import { BacktestInputError } from '../../sim/backtest-input-error.ts';
import { runBacktest, type BacktestRequest } from '../../sim/backtest.ts';

/** What a worker thread is given: the simulator's request and which side of the comparison each policy is. */
export interface WorkerRequest {
  request: BacktestRequest;
  roles: PolicyRole[];
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: BacktestResult }
  | { type: 'refused'; message: string }
  | { type: 'failed'; error: string };

/** Runs one backtest in a worker thread, posting its progress and then its result. */
function run(port: NonNullable<typeof parentPort>, { request, roles }: WorkerRequest): void {
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const result = runBacktest(request, { onProgress: (done, total) => post({ type: 'progress', done, total }) });
    // A scenario's own figures (a last-mile day's failed attempts) read as KPIs: the table shows them alike.
    const policies = result.policies.map((policy, i) => {
      const { extraKpis, ...p } = policy as typeof policy & { extraKpis?: Record<string, Kpi> };
      return { ...p, kpis: { ...p.kpis, ...extraKpis }, role: roles[i] ?? 'baseline' };
    });
    post({ type: 'result', result: { ...result, seed: request.seed, policies } });
  } catch (error) {
    if (error instanceof BacktestInputError) post({ type: 'refused', message: error.message });
    else post({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

if (parentPort) run(parentPort, workerData as WorkerRequest);
