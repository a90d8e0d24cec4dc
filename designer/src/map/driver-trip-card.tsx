import { Anchor, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { MonitorRow } from '../../../domain/drivers/driver-trip.ts';
import { followInApp } from '../orders/orders-link.ts';
import { TripStateBadge } from '../trips/trip-state-badge.tsx';

/** The driver a dispatcher clicked on the map: where they were when, and how far along their trip is. */
export function DriverTripCard({ driver, onClose }: { driver: MonitorRow; onClose: () => void }) {
  const trip = driver.currentTrip;
  return (
    <Paper withBorder p="sm" data-testid={`map-driver-${driver.driverId}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {driver.name}
          </Title>
          <CloseButton aria-label={`Close ${driver.name}'s summary`} onClick={onClose} />
        </Group>
        {driver.position && <Text size="sm">Last reported {new Date(driver.position.at).toLocaleTimeString()}</Text>}
        {trip ? (
          <>
            <Group gap={8}>
              <Text size="sm">Trip</Text>
              <TripStateBadge state={trip.state} />
            </Group>
            <Text size="sm">
              {driver.stopsDone} stops done, {driver.stopsLeft} left{driver.lateStops > 0 ? `, ${driver.lateStops} late` : ''}
            </Text>
            <Anchor
              size="sm"
              href={`?view=trips`}
              onClick={(event) => {
                event.preventDefault();
                followInApp('?view=trips');
              }}
            >
              Open the trips board
            </Anchor>
          </>
        ) : (
          <Text size="sm">No trip planned or on the road.</Text>
        )}
        <Text size="sm">Cash on hand: {driver.cashOnHand.toFixed(2)}</Text>
      </Stack>
    </Paper>
  );
}
