import { Badge, Button, Table, Text } from '@mantine/core';
import type { MonitorRow } from '../../../domain/drivers/driver-trip.ts';
import { TRIP_STATE_LABELS } from '../../../domain/trips/trip.ts';
import { money } from '../accounts/money.ts';
import { formatDateTime, formatRelative } from '../format/time.ts';

/** One line per driver: where they stand now, each figure the dispatcher acts on, and a way into the driver. */
export function MonitorTable({ rows, areaNames, now, onOpen }: { rows: readonly MonitorRow[]; areaNames: ReadonlyMap<string, string>; now: number; onOpen: (driverId: string) => void }) {
  return (
    <Table striped highlightOnHover data-testid="drivers-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Driver</Table.Th>
          <Table.Th>Availability</Table.Th>
          <Table.Th>Current trip</Table.Th>
          <Table.Th ta="right">Stops done</Table.Th>
          <Table.Th ta="right">Stops left</Table.Th>
          <Table.Th ta="right">Late stops</Table.Th>
          <Table.Th ta="right">Cash on hand</Table.Th>
          <Table.Th>Last seen</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <Table.Tr key={d.driverId} data-testid={`driver-row-${d.driverId}`}>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" onClick={() => onOpen(d.driverId)} data-testid={`driver-open-${d.driverId}`}>
                {d.name}
              </Button>
              <Text size="xs" c="dimmed">
                {areaNames.get(d.workAreaId) ?? d.workAreaId}
                {d.zones.length > 0 ? ` · ${d.zones.join(', ')}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={d.available ? 'green' : 'gray'}>
                {d.available ? 'Available' : 'Unavailable'}
              </Badge>
            </Table.Td>
            <Table.Td data-testid="driver-trip">
              {d.currentTrip ? `${TRIP_STATE_LABELS[d.currentTrip.state]} · trip ${d.currentTrip.id.slice(0, 8)}` : <Text size="sm" c="dimmed">No trip</Text>}
            </Table.Td>
            <Table.Td ta="right" data-testid="driver-done">
              {d.stopsDone}
            </Table.Td>
            <Table.Td ta="right" data-testid="driver-left">
              {d.stopsLeft}
            </Table.Td>
            <Table.Td ta="right" data-testid="driver-late">
              {d.lateStops > 0 ? (
                <Badge color="red" variant="light">
                  {d.lateStops}
                </Badge>
              ) : (
                0
              )}
            </Table.Td>
            <Table.Td ta="right" data-testid="driver-cash">
              {money(d.cashOnHand)}
            </Table.Td>
            <Table.Td data-testid="driver-seen">
              {d.position ? <span title={formatDateTime(d.position.at)}>{formatRelative(d.position.at, now)}</span> : <Text size="sm" c="dimmed">Never</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
