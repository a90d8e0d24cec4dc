import { Badge, Progress, Table, Text, Tooltip } from '@mantine/core';
import type { AreaMeasures } from '../../../domain/operating-measures.ts';
import { formatWait } from '../format/duration.ts';
import { againstLimit } from '../format/labels.ts';

const STATUS_COLORS = { open: 'green', paused: 'yellow', stopped: 'red' } as const;
const load = (utilization: number) => (utilization >= 1 ? 'red' : utilization >= 0.8 ? 'orange' : 'blue');

interface MeasuresTableProps {
  areas: readonly AreaMeasures[];
  names: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect: (workAreaId: string) => void;
}

/** One row per area: its pool, what it holds against its limit and norm, how long orders wait, and how punctually it releases. */
export function MeasuresTable({ areas, names, selected, onSelect }: MeasuresTableProps) {
  return (
    <Table highlightOnHover verticalSpacing="xs" data-testid="measures-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Area</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th ta="right">Pool</Table.Th>
          <Table.Th>Work in process</Table.Th>
          <Table.Th>Workload (released · here now)</Table.Th>
          <Table.Th ta="right">Oldest wait</Table.Th>
          <Table.Th ta="right">Released on time</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {areas.map((a) => (
          <Table.Tr
            key={a.workAreaId}
            data-testid={`area-row-${a.workAreaId}`}
            onClick={() => onSelect(a.workAreaId)}
            style={{ cursor: 'pointer' }}
            bg={selected === a.workAreaId ? 'var(--mantine-color-blue-light)' : undefined}
          >
            <Table.Td>
              <Text size="sm" fw={500}>
                {names.get(a.workAreaId) ?? a.workAreaId}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {a.workAreaId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[a.status]} variant="light">
                {a.status}
              </Badge>
              {!a.inShift && (
                <Badge color="gray" variant="light" ml={4}>
                  off shift
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">{a.poolLength}</Table.Td>
            <Table.Td miw={160}>
              <Text size="xs">{againstLimit(a.load, a.limit, a.unit)}</Text>
              {a.utilization !== null && (
                <Tooltip label={`${Math.round(a.utilization * 100)}% of the WIP limit`}>
                  <Progress value={Math.min(100, a.utilization * 100)} color={load(a.utilization)} size="sm" aria-label={`${a.workAreaId}: work in process against the limit`} />
                </Tooltip>
              )}
            </Table.Td>
            <Table.Td miw={140}>
              {a.workload ? (
                <>
                  <Text size="xs">
                    released {a.workload.hours} of {a.workload.normHours} h
                  </Text>
                  <Progress value={Math.min(100, (100 * a.workload.hours) / a.workload.normHours)} color={load(a.workload.hours / a.workload.normHours)} size="sm" aria-label={`${a.workAreaId}: released load against the norm`} />
                  <Text size="xs" c="dimmed" mt={2} data-testid={`direct-load-${a.workAreaId}`}>
                    here now {a.workload.directHours} h
                  </Text>
                  <Progress value={Math.min(100, (100 * a.workload.directHours) / a.workload.normHours)} color="teal" size="xs" aria-label={`${a.workAreaId}: direct load (arrived, not done) against the norm`} />
                </>
              ) : (
                <Text size="xs" c="dimmed">
                  no norm
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{a.oldestWaitMinutes === null ? '—' : formatWait(a.oldestWaitMinutes * 60)}</Table.Td>
            <Table.Td ta="right">{a.onTimeReleasePercent === null ? '—' : `${a.onTimeReleasePercent}% of ${a.released}`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
