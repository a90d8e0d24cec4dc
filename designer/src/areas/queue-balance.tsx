import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { OperatingMeasures, Spread } from '../../../domain/operating-measures.ts';

function Balance({ label, spread, percent }: { label: string; spread: Spread; percent?: boolean }) {
  const show = (n: number) => (percent ? `${Math.round(n * 100)}%` : String(n));
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>
        {show(spread.min)} – {show(spread.max)}
      </Text>
      <Text size="xs" c="dimmed">
        mean {show(spread.mean)}
        {spread.coefficientOfVariation !== null && ` · variation ${spread.coefficientOfVariation}`}
      </Text>
    </Paper>
  );
}

/** How evenly the work is spread over the areas: a wide spread means one area waits while another is swamped. */
export function QueueBalance({ balance }: { balance: OperatingMeasures['queueBalance'] }) {
  return (
    <SimpleGrid cols={3} data-testid="queue-balance">
      <Balance label="Pool per area" spread={balance.pool} />
      <Balance label="Work in process per area" spread={balance.wip} />
      <Balance label="Utilization" spread={balance.utilization} percent />
    </SimpleGrid>
  );
}
