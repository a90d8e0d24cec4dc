import { QUICK_BACKTEST, type BacktestScenario } from '../../domain/backtest.ts';
import { SCENARIOS } from '../../sim/scenarios/index.ts';
import { recordedDay } from '../../sim/scenarios/recorded-day.ts';
import type { Scenario } from '../../sim/scenarios/scenario.ts';
import { UserError } from '../errors.ts';
import { yesterday } from './scenario-params.ts';

// A scenario other than the quick one is short enough at its own horizon.
const QUICK: Record<string, { horizon: number; warmUp: number; params: Record<string, number> }> = {
  [QUICK_BACKTEST.scenario]: { horizon: QUICK_BACKTEST.horizon, warmUp: QUICK_BACKTEST.warmUp, params: QUICK_BACKTEST.params },
};

type Setting = number | boolean | string | null;
const plain = (v: unknown): v is Setting => v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string';

/** A scenario's parameters as it fills them in; none for a scenario whose parameters have no default (a recorded day's date). */
export function defaultsOf(scenario: Scenario<unknown>): Record<string, Setting> {
  let defaults: unknown;
  try {
    defaults = scenario.parseParams({});
  } catch {
    return {};
  }
  return defaults && typeof defaults === 'object' ? Object.fromEntries(Object.entries(defaults).filter(([, v]) => plain(v))) : {};
}

/** The scenarios of the simulator's registry, with the settings the Backtest panel starts from. */
export function backtestScenarios(now = Date.now()): BacktestScenario[] {
  return Object.values(SCENARIOS).map((s) => {
    const { horizon, warmUp, params } = QUICK[s.name] ?? { horizon: s.horizon, warmUp: s.warmUp, params: {} };
    // A recorded day has no randomness: one replication says all, and the day to replay is named by its date.
    const replay = s.name === recordedDay.name;
    const quick = { horizon, warmUp, replications: replay ? 1 : QUICK_BACKTEST.replications };
    return { name: s.name, description: s.about, timeUnit: 'h', quick, params: { ...defaultsOf(s), ...params, ...(replay ? { date: yesterday(now) } : {}) } };
  });
}

export function scenarioOrFail(name: string): Scenario<unknown> {
  const found = Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name] : undefined;
  if (!found) throw new UserError(400, 'unknown_scenario', `No scenario "${name}": there are ${Object.keys(SCENARIOS).join(', ')}.`);
  return found;
}
