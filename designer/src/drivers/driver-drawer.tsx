import { Alert, Drawer, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { MonitorRow } from '../../../domain/drivers/driver-trip.ts';
import { can } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { TripCard } from '../trips/trip-card.tsx';
import { ordersOf } from '../trips/trip-orders.ts';
import { DriverProfileForm } from './driver-profile-form.tsx';
import { DriverTokens } from './driver-tokens.tsx';
import { getDriver, getTrip } from './drivers-client.ts';

const OrderDrawer = lazy(async () => ({ default: (await import('../orders/order-drawer.tsx')).OrderDrawer }));
const NO_AREA_NAMES: ReadonlyMap<string, string> = new Map();

interface DriverDrawerProps {
  driverId: string;
  /** The driver's current trip as the monitor last read it; its version reloads the trip when it changed. */
  trip: MonitorRow['currentTrip'];
  now: number;
  onClose: () => void;
  onChanged: () => void;
}

/** One driver: their current trip (stops in order, upcoming ones re-sequenced here), their profile and their tokens. */
export function DriverDrawer({ driverId, trip, now, onClose, onChanged }: DriverDrawerProps) {
  const { user } = useSession();
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  // Kept here, not in the form, which starts afresh from the profile read back after each save.
  const [saved, setSaved] = useState(false);
  const driver = useResource(`driver:${driverId}`, (signal) => getDriver(driverId, signal));
  // A newer version (a change made here, in the driver's app or by another dispatcher, as the monitor last
  // read it) is read while the card stays on screen and keeps its focus.
  const current = useResource(`driver-trip:${trip?.id ?? ''}`, (signal) => (trip ? getTrip(trip.id, signal) : Promise.resolve(null)), trip?.version);
  const tripData = current.data;
  // Keyed by the orders, not the trip's version: a re-sequenced trip keeps its names on screen while they are read again.
  const orderIds = [...new Set(tripData?.stops.map((s) => s.orderId) ?? [])].sort().join(',');
  const orders = useResource(`driver-trip-orders:${orderIds}`, (signal) => (tripData ? ordersOf([tripData], signal) : Promise.resolve(new Map())));
  const changed = () => {
    current.reload();
    orders.reload();
    driver.reload();
    onChanged();
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={<Title order={2}>{driver.data?.name ?? driverId}</Title>} data-testid="driver-drawer">
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-label="Current trip">
          <Title order={3}>Current trip</Title>
          {!trip && <Text c="dimmed">No trip planned, dispatched or on the road. Trips are planned on the Plan trips and Trips tabs.</Text>}
          {current.error && <LoadError title="The trip could not be loaded" error={current.error} onRetry={current.reload} />}
          {trip && !tripData && !current.error && <Loader size="sm" />}
          {tripData && (
            <TripCard
              trip={tripData}
              manages={can(user.roles, 'trips.manage')}
              orders={orders.data}
              // Moving stops to another driver's trip is the trips board's work: here the driver's own sequence changes.
              targets={[]}
              now={now}
              onOpenOrder={setOpenOrder}
              onChanged={changed}
            />
          )}
        </Stack>
        {driver.error && <LoadError title="The driver could not be loaded" error={driver.error} onRetry={driver.reload} />}
        {saved && (
          <Alert color="green" withCloseButton onClose={() => setSaved(false)} data-testid="driver-profile-saved">
            Profile saved.
          </Alert>
        )}
        {driver.data && (
          <DriverProfileForm
            key={driver.data.version}
            driver={driver.data}
            editable={can(user.roles, 'drivers.manage')}
            onSaved={() => {
              setSaved(true);
              changed();
            }}
          />
        )}
        {can(user.roles, 'drivers.tokens') ? (
          <DriverTokens driverId={driverId} />
        ) : (
          <Alert color="gray" variant="light">
            Driver tokens are issued by dispatchers and admins.
          </Alert>
        )}
      </Stack>
      {openOrder && (
        <Suspense fallback={null}>
          <OrderDrawer orderId={openOrder} opened onClose={() => setOpenOrder(null)} onChanged={changed} workAreaNames={NO_AREA_NAMES} />
        </Suspense>
      )}
    </Drawer>
  );
}
