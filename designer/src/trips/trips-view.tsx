import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { can } from '../../../domain/roles.ts';
import { isLiveTrip, TRIP_STATE_LABELS, TRIP_STATES, type TripState } from '../../../domain/trips/trip.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { TripCard } from './trip-card.tsx';
import { ordersOf } from './trip-orders.ts';
import { listTrips } from './trips-client.ts';

const OrderDrawer = lazy(async () => ({ default: (await import('../orders/order-drawer.tsx')).OrderDrawer }));
const NO_AREA_NAMES: ReadonlyMap<string, string> = new Map();

/** The dispatcher's trips board: trips by state and driver, each with its stops in order and the changes it allows. */
export function TripsView() {
  const { user } = useSession();
  const manages = can(user.roles, 'trips.manage');
  const [state, setState] = useState<TripState | null>(null);
  const [driver, setDriver] = useState<string | null>(null);
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const trips = useResource(`trips:${state ?? ''}:${driver ?? ''}`, (signal) => listTrips({ ...(state ? { state } : {}), ...(driver ? { driverId: driver } : {}) }, signal));
  const shown = trips.data ?? [];
  // Read again when a trip changes (its orders' last-mile statuses follow its stops), their names kept on screen meanwhile.
  const orders = useResource(`trip-orders:${shown.map((t) => t.id).join(',')}`, (signal) => ordersOf(shown, signal), shown.map((t) => t.version).join(','));
  // The drivers offered are those of the trips seen so far, so choosing one keeps the others on offer.
  const [drivers, setDrivers] = useState<string[]>([]);
  const fresh = shown.map((t) => t.driverId).filter((d) => !drivers.includes(d));
  if (fresh.length > 0) setDrivers([...new Set([...drivers, ...fresh])].sort());

  return (
    <Stack gap="md">
      <Title order={2}>Trips</Title>
      <Group align="flex-end">
        <Select
          label="State"
          placeholder="Any state"
          clearable
          data={TRIP_STATES.map((s) => ({ value: s, label: TRIP_STATE_LABELS[s] }))}
          value={state}
          onChange={(v) => setState(v as TripState | null)}
          maw={220}
          data-testid="trips-state"
        />
        <Select label="Driver" placeholder="Any driver" clearable searchable data={drivers} value={driver} onChange={setDriver} maw={260} data-testid="trips-driver" />
      </Group>
      {trips.error && <LoadError title="The trips could not be loaded" error={trips.error} onRetry={trips.reload} />}
      {orders.error && <LoadError title="The trips' orders could not be loaded" error={orders.error} onRetry={orders.reload} />}
      {trips.data && shown.length === 0 && (
        <Text c="dimmed" data-testid="trips-empty">
          No trip{state ? ` is ${TRIP_STATE_LABELS[state].toLowerCase()}` : ''}{driver ? ` for ${driver}` : ''}. Trips are planned from released delivery orders.
        </Text>
      )}
      {shown.map((trip) => (
        <TripCard
          key={trip.id}
          trip={trip}
          manages={manages}
          orders={orders.data}
          targets={shown.filter((t) => t.id !== trip.id && isLiveTrip(t.state))}
          now={now}
          onOpenOrder={setOpenOrder}
          onChanged={trips.reload}
        />
      ))}
      {openOrder && (
        <Suspense fallback={null}>
          <OrderDrawer orderId={openOrder} opened onClose={() => setOpenOrder(null)} onChanged={trips.reload} workAreaNames={NO_AREA_NAMES} />
        </Suspense>
      )}
    </Stack>
  );
}
