import { useSyncExternalStore } from 'react';
import type { BacktestRequestBody, BacktestResult } from '../../../../domain/backtest.ts';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';

export interface LatestBacktest {
  request: Omit<BacktestRequestBody, 'definition'>;
  result: BacktestResult;
}

// The latest result per decision point and the draft it was run on: the publish dialog shows it only
// while the canvas is still that draft. Kept for the page's life, not stored: a backtest is quick to run again.
const latest = new Map<DecisionPointId, { definition: string; backtest: LatestBacktest }>();
const listeners = new Set<() => void>();

export function rememberBacktest(dp: DecisionPointId, definition: RulesetDefinition, backtest: LatestBacktest): void {
  latest.set(dp, { definition: JSON.stringify(definition), backtest });
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The latest backtest of exactly this draft, if one was run on this page. */
export function useLatestBacktest(dp: DecisionPointId, definition: RulesetDefinition): LatestBacktest | null {
  const entry = useSyncExternalStore(subscribe, () => latest.get(dp));
  return entry && entry.definition === JSON.stringify(definition) ? entry.backtest : null;
}
