import { useEffect, useRef, useState } from 'react';
import type { BacktestRequestBody } from '../../../../domain/backtest.ts';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { runBacktest } from '../../api/backtest-client.ts';
import { rememberBacktest } from './latest-backtests.ts';

export type BacktestRunState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' }
  | { status: 'done' };

/** Runs backtests of a draft one at a time, with their progress; cancelling (or leaving) stops the server's run too. */
export function useBacktestRun(dp: DecisionPointId) {
  const [state, setState] = useState<BacktestRunState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const run = async (definition: RulesetDefinition, request: Omit<BacktestRequestBody, 'definition'>) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', done: 0, total: 0 });
    try {
      const result = await runBacktest(dp, { ...request, definition }, (done, total) => setState({ status: 'running', done, total }), controller.signal);
      rememberBacktest(dp, definition, { request, result });
      setState({ status: 'done' });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };
  const cancel = () => {
    running.current?.abort();
    running.current = null;
    setState({ status: 'cancelled' });
  };
  return { state, run, cancel };
}
