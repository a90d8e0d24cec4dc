import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { QUICK_BACKTEST } from '../../../../domain/backtest.ts';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { draftDeltas } from './kpi-figures.ts';
import { BacktestProgress } from './backtest-progress.tsx';
import { useLatestBacktest } from './latest-backtests.ts';
import { useBacktestRun } from './use-backtest-run.ts';
import type { BacktestSettings } from './backtest-form.tsx';

const VERDICT = { better: 'better', worse: 'worse', same: 'no clear difference' } as const;

const QUICK: BacktestSettings = { ...QUICK_BACKTEST, seed: 1, baselines: ['immediate'] };

/** In the publish dialog: what the latest backtest of this draft says it changes, or a quick run to find out. Never required. */
export function BacktestDeltas({ dp, definition }: { dp: DecisionPointId; definition: RulesetDefinition }) {
  const latest = useLatestBacktest(dp, definition);
  const { state, run, cancel } = useBacktestRun(dp);
  const deltas = latest && draftDeltas(latest.result);
  if (deltas) {
    return (
      <Stack gap={4} data-testid="backtest-deltas">
        <Text size="sm">
          <b>Backtest</b> ({latest.result.scenario}, {latest.result.replications} replications), this draft against {deltas.against.toLowerCase()}:
        </Text>
        <List size="sm" spacing={2}>
          {deltas.deltas.map((d) => (
            <List.Item key={d.name} data-kpi={d.name}>
              {d.label} {d.text}: {VERDICT[d.verdict]}
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  return (
    <Stack gap={4} data-testid="backtest-offer">
      {state.status !== 'running' && (
        <Alert color="gray" p="xs">
          <Text size="sm">
            No backtest of this draft yet. You can publish without one, or{' '}
            <Button size="compact-xs" variant="light" onClick={() => void run(definition, QUICK)} data-testid="backtest-quick-run">
              run a quick backtest
            </Button>{' '}
            to see what it changes on a simulated job shop.
          </Text>
        </Alert>
      )}
      <BacktestProgress state={state} onCancel={cancel} />
    </Stack>
  );
}
