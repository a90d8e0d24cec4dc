import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../domain/order.ts';
import { isLiveTrip, type TripSummary } from '../../../domain/trips/trip.ts';
import { nextTripState } from '../../../domain/trips/trip-machine.ts';
import { listAreaResources } from '../api/areas-client.ts';
import { useResource } from '../api/use-resource.ts';
import { TripReasonModal } from './trip-reason-modal.tsx';
import { TripStateBadge } from './trip-state-badge.tsx';
import { TripStopsTable } from './trip-stops-table.tsx';
import { cancelTrip, dispatchTrip, handOverTrip, moveTripOrder, reorderTrip } from './trips-client.ts';

interface TripCardProps {
  trip: TripSummary;
  manages: boolean;
  orders: ReadonlyMap<string, OrderDetail> | undefined;
  targets: readonly TripSummary[];
  now: number;
  onOpenOrder: (orderId: string) => void;
  onChanged: () => void;
}

const openStops = (trip: TripSummary) => trip.stops.filter((s) => s.status === 'pending' || s.status === 'arrived').length;

/** One trip: its driver, state and stops, with the changes its lifecycle allows now; a refusal shows the API's words. */
export function TripCard({ trip, manages, orders, targets, now, onOpenOrder, onChanged }: TripCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<'cancel' | 'hand-over' | null>(null);
  const live = isLiveTrip(trip.state);
  const allows = (action: 'dispatch' | 'cancel') => manages && nextTripState(trip.state, { openStops: openStops(trip) }, action) !== null;
  const drivers = useResource(`trip-drivers:${asking === 'hand-over' ? trip.workAreaId : ''}`, (signal) =>
    asking === 'hand-over' ? listAreaResources(trip.workAreaId, signal) : Promise.resolve([]),
  );

  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const swap = (i: number, j: number) => {
    const stops = trip.stops.map(({ orderId, kind }) => ({ orderId, kind }));
    [stops[i], stops[j]] = [stops[j]!, stops[i]!];
    void run(() => reorderTrip(trip.id, stops));
  };

  return (
    <Card withBorder padding="md" data-testid={`trip-${trip.id}`} aria-label={`${trip.driverId}'s trip ${trip.id.slice(0, 8)}`} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text fw={700}>{trip.driverId}</Text>
            <Text size="sm" c="dimmed">
              trip {trip.id.slice(0, 8)} · {trip.stops.length} stop{trip.stops.length === 1 ? '' : 's'}
            </Text>
            <TripStateBadge state={trip.state} />
          </Group>
          {manages && live && (
            <Group gap="xs">
              {allows('dispatch') && (
                <Button size="xs" loading={busy} onClick={() => void run(() => dispatchTrip(trip.id))} data-testid={`trip-dispatch-${trip.id}`}>
                  Dispatch
                </Button>
              )}
              {trip.state !== 'in_progress' && (
                <Button size="xs" variant="default" disabled={busy} onClick={() => setAsking('hand-over')} data-testid={`trip-hand-over-${trip.id}`}>
                  Hand over…
                </Button>
              )}
              {allows('cancel') && (
                <Button size="xs" variant="default" color="red" disabled={busy} onClick={() => setAsking('cancel')} data-testid={`trip-cancel-${trip.id}`}>
                  Cancel trip…
                </Button>
              )}
            </Group>
          )}
        </Group>
        {error && (
          <Alert color="red" title="The trip did not change" withCloseButton onClose={() => setError(null)} data-testid={`trip-error-${trip.id}`}>
            {error}
          </Alert>
        )}
        <TripStopsTable
          trip={trip}
          editable={manages && live}
          orders={orders}
          targets={targets}
          busy={busy}
          now={now}
          onOpenOrder={onOpenOrder}
          onSwap={swap}
          onMove={(orderId, toTripId) => void run(() => moveTripOrder(trip.id, orderId, toTripId))}
        />
      </Stack>
      {asking && (
        <TripReasonModal
          title={asking === 'cancel' ? `Cancel ${trip.driverId}'s trip` : `Hand ${trip.driverId}'s trip to another driver`}
          confirmLabel={asking === 'cancel' ? 'Cancel the trip' : 'Hand it over'}
          drivers={
            asking === 'hand-over'
              ? (drivers.data ?? []).filter((r) => r.kind === 'driver' && r.id !== trip.driverId).map((r) => ({ value: r.id, label: `${r.name}${r.available ? '' : ' (unavailable)'}` }))
              : undefined
          }
          error={error}
          pending={busy}
          onCancel={() => {
            setAsking(null);
            setError(null);
          }}
          onConfirm={(reason, driverId) =>
            void run(() => (asking === 'cancel' ? cancelTrip(trip.id, reason) : handOverTrip(trip.id, driverId!, reason))).then((done) => done && setAsking(null))
          }
        />
      )}
    </Card>
  );
}
