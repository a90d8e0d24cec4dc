import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { BacktestRunState } from './use-backtest-run.ts';

/** Where a run is: its progress bar with a way to stop it, or why it ended without a result. */
export function BacktestProgress({ state, onCancel }: { state: BacktestRunState; onCancel: () => void }) {
  if (state.status === 'running') {
    const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : 0;
    return (
      <Stack gap={4} data-testid="backtest-progress">
        <Group justify="space-between">
          <Text size="sm">{state.total > 0 ? `Simulating: ${state.done} of ${state.total} runs done` : 'Starting the simulation…'}</Text>
          <Button size="compact-xs" variant="default" onClick={onCancel} data-testid="backtest-cancel">
            Cancel
          </Button>
        </Group>
        <Progress value={percent} aria-label="Backtest progress" animated={state.total === 0} />
      </Stack>
    );
  }
  if (state.status === 'failed') {
    return (
      <Alert color="orange" p="xs" title="The backtest did not finish" data-testid="backtest-failed">
        {state.message}
      </Alert>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <Text size="sm" c="dimmed" data-testid="backtest-cancelled">
        Cancelled; nothing was kept.
      </Text>
    );
  }
  return null;
}
