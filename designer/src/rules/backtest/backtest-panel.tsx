import { Drawer, Loader, Stack, Text } from '@mantine/core';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { listBacktestScenarios } from '../../api/backtest-client.ts';
import { LoadError } from '../../api/load-error.tsx';
import { useResource } from '../../api/use-resource.ts';
import { BacktestForm } from './backtest-form.tsx';
import { BacktestProgress } from './backtest-progress.tsx';
import { BacktestResults } from './backtest-results.tsx';
import { useLatestBacktest } from './latest-backtests.ts';
import { useBacktestRun } from './use-backtest-run.ts';

interface BacktestPanelProps {
  opened: boolean;
  onClose: () => void;
  dp: DecisionPointId;
  /** The draft to put through the simulation: the canvas as it compiles now. */
  definition: RulesetDefinition;
}

function BacktestBody({ dp, definition }: Omit<BacktestPanelProps, 'opened' | 'onClose'>) {
  const scenarios = useResource('backtest-scenarios', listBacktestScenarios);
  const { state, run, cancel } = useBacktestRun(dp);
  const latest = useLatestBacktest(dp, definition);
  if (scenarios.error) return <LoadError title="The scenarios could not be loaded" error={scenarios.error} onRetry={scenarios.reload} />;
  if (!scenarios.data) return <Loader size="sm" />;
  const timeUnit = scenarios.data.find((s) => s.name === latest?.result.scenario)?.timeUnit ?? 'h';
  return (
    <Stack gap="md" data-testid="backtest-panel">
      <Text size="sm" c="dimmed">
        A backtest runs a simulated operation several times with this draft, with the rules in force and with simple baselines, all on the same random orders, so the
        differences come from the rules. Read a difference as real only when it is larger than the ± around the figures.
      </Text>
      <BacktestForm scenarios={scenarios.data} running={state.status === 'running'} onRun={(settings) => void run(definition, settings)} />
      <BacktestProgress state={state} onCancel={cancel} />
      {latest ? (
        <BacktestResults key={JSON.stringify(latest.request)} result={latest.result} timeUnit={timeUnit} />
      ) : (
        state.status === 'idle' && (
          <Text size="sm" c="dimmed">
            No backtest of this draft yet.
          </Text>
        )
      )}
    </Stack>
  );
}

/** The backtest beside the canvas, as the test panel is: the canvas stays usable while a run goes on. */
export function BacktestPanel({ opened, onClose, ...body }: BacktestPanelProps) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={680}
      title="Backtest the draft"
      withOverlay={false}
      lockScroll={false}
      trapFocus={false}
      closeOnClickOutside={false}
      keepMounted
    >
      <BacktestBody {...body} />
    </Drawer>
  );
}
