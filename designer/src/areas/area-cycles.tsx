import { Badge, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { ReleaseCycleView } from '../../../domain/release-cycle-view.ts';
import { listAreaCycles } from '../api/areas-client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { humanize, plural } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { waitingReasons } from './waiting-reasons.ts';

const SHOWN = 5;

function CycleCard({ cycle }: { cycle: ReleaseCycleView }) {
  const reasons = waitingReasons(cycle);
  return (
    <Paper withBorder p="sm" data-testid={`area-cycle-${cycle.seq}`}>
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          Cycle {cycle.seq} · {formatDateTime(cycle.startedAt)}
        </Text>
        <Group gap={4}>
          {cycle.triggers.map((trigger) => (
            <Badge key={trigger} size="xs" variant="light">
              {humanize(trigger)}
            </Badge>
          ))}
        </Group>
      </Group>
      <Text size="sm">
        {plural(cycle.candidates, 'order', 'orders')} in the pool; released {cycle.released.length}
        {cycle.released.some((r) => r.starved) ? ' (one past a workload norm: the area was starving)' : ''}, escalated {cycle.escalated.length};
        capacity {cycle.usedBefore} → {cycle.usedAfter} {cycle.limit === null ? `${cycle.capacityUnit} (no WIP limit)` : `of ${cycle.limit} ${cycle.capacityUnit}`}.
      </Text>
      {reasons.length > 0 && (
        <Table mt={6} withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {reasons.map(({ reason, orders }) => (
              <Table.Tr key={reason}>
                <Table.Td w={60} ta="right">
                  <Text size="sm" fw={600}>
                    {orders}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {cycle.workloads.map((w) => (
        <Text key={w.workAreaId} size="xs" c="dimmed">
          Workload at {w.workAreaId}: {w.before.toFixed(1)} → {w.after.toFixed(1)} of {w.normHours} h
        </Text>
      ))}
    </Paper>
  );
}

/** The area's last release cycles: what triggered each, what it released, and why the rest wait; reloaded whenever `refreshKey` moves. */
export function AreaCycles({ workAreaId, refreshKey }: { workAreaId: string; refreshKey: number }) {
  const cycles = useResource(`cycles/${workAreaId}`, (signal) => listAreaCycles(workAreaId, SHOWN, signal));
  const { reload } = cycles;
  // A reload keeps the cycles on screen while it runs; a new key would blank them on every transition.
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  if (cycles.error) return <LoadError title="The release cycles could not be loaded" error={cycles.error} onRetry={cycles.reload} />;
  if (!cycles.data) return <Loader size="sm" />;
  if (cycles.data.length === 0) return <Text c="dimmed" size="sm">No release cycle has run in this area yet: one runs when an order is queued here.</Text>;
  return (
    <Stack gap="sm" data-testid="area-cycles">
      {cycles.data.map((cycle) => (
        <CycleCard key={cycle.id} cycle={cycle} />
      ))}
    </Stack>
  );
}
