import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import { orderLink } from '../../../domain/notification.ts';
import type { ProposedTrip } from '../../../domain/trip-planning/trip-plan.ts';

const clock = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** One proposed trip: its driver, distance and duration (with the stops still to do on their current trips), and its stops in order with when the driver gets there. */
export function ProposedTripTable({ trip }: { trip: ProposedTrip }) {
  const id = `trip-${trip.driverId}`;
  return (
    <section aria-labelledby={id} data-testid={`proposed-trip-${trip.driverId}`}>
      <Title order={4} id={id}>
        {trip.driverName}
      </Title>
      <Text size="sm" c="dimmed">
        {trip.stops.length} stops · {trip.distanceKm} km · {trip.durationMinutes} min · back at {clock(trip.returnAt)}
      </Text>
      {trip.stopsAhead > 0 && (
        <Text size="sm" data-testid="proposed-trip-ahead">
          After the {trip.stopsAhead} {trip.stopsAhead === 1 ? 'stop' : 'stops'} still to do on {trip.driverName}'s current trips: the times, distance and duration include them.
        </Text>
      )}
      <Table striped withTableBorder maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Order</Table.Th>
            <Table.Th>Stop</Table.Th>
            <Table.Th>Arrives</Table.Th>
            <Table.Th>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trip.stops.map((s, i) => (
            <Table.Tr key={`${s.kind}:${s.orderId}`}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Anchor href={orderLink(s.orderId)} target="_blank" title={`Order ${s.orderId}`}>
                  {s.reference ?? s.orderId}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.kind === 'pickup' ? 'Pickup' : 'Drop-off'}</Table.Td>
              <Table.Td>{clock(s.arrivalAt)}</Table.Td>
              <Table.Td>
                {clock(s.dueAt)}{' '}
                {s.late && (
                  <Badge color="red" variant="light">
                    Late
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
