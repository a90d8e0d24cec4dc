import { QUICK_BACKTEST, type BacktestScenario } from '../../domain/backtest.ts';
import { SCENARIOS } from '../../sim/scenarios/index.ts';
import type { Scenario } from '../../sim/scenarios/scenario.ts';
import { UserError } from '../errors.ts';

// A scenario other than the quick one is short enough at its own horizon.
const QUICK: Record<string, { horizon: number; warmUp: number }> = { [QUICK_BACKTEST.scenario]: { horizon: QUICK_BACKTEST.horizon, warmUp: QUICK_BACKTEST.warmUp } };

const primitive = (v: unknown): v is number | boolean | string => typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string';

/** A scenario's parameters as it fills them in; none for a scenario whose parameters have no default (a recorded day's date). */
export function defaultsOf(scenario: Scenario<unknown>): Record<string, number | boolean | string> {
  let defaults: unknown;
  try {
    defaults = scenario.parseParams({});
  } catch {
    return {};
  }
  return defaults && typeof defaults === 'object' ? Object.fromEntries(Object.entries(defaults).filter(([, v]) => primitive(v))) : {};
}

/** The scenarios of the simulator's registry, with the settings the Backtest panel starts from. */
export function backtestScenarios(): BacktestScenario[] {
  return Object.values(SCENARIOS).map((s) => {
    const quick = { ...(QUICK[s.name] ?? { horizon: s.horizon, warmUp: s.warmUp }), replications: QUICK_BACKTEST.replications };
    return { name: s.name, description: s.about, timeUnit: 'h', quick, params: defaultsOf(s) };
  });
}

export function scenarioOrFail(name: string): Scenario<unknown> {
  const found = Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name] : undefined;
  if (!found) throw new UserError(400, 'unknown_scenario', `No scenario "${name}": there are ${Object.keys(SCENARIOS).join(', ')}.`);
  return found;
}
