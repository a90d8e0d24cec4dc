import { Alert, Anchor, Autocomplete, Button, Group, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { orderLink } from '../../../domain/notification.ts';
import type { TripPlanPreview } from '../../../domain/trip-planning/trip-plan.ts';
import { ProposedTripTable } from './proposed-trip-table.tsx';
import { commitOf, commitTripPlan, planningChoices, previewTripPlan, type PlanningChoices } from './trip-planning-client.ts';

const REASON_LABELS: Record<string, string> = {
  no_location: 'No location',
  out_of_reach: 'Out of reach',
  other_warehouse: 'Other warehouse',
  no_driver: 'No driver',
  capacity: 'No room',
  time_window: 'Due too soon',
  shift_end: 'Past shift end',
  pair: 'Pickup and drop-off',
  pin: 'Pinned stop',
  no_vehicle_left: 'Trips full',
};

/**
 * Plans a zone's trips: a proposal for its waiting orders and drivers, shown trip by trip with the orders left
 * out and why; nothing is planned until the dispatcher accepts it.
 */
export function TripPlanningView() {
  const [zone, setZone] = useState('');
  const [warehouse, setWarehouse] = useState('');
  const [drivers, setDrivers] = useState<string[]>([]);
  const [choices, setChoices] = useState<PlanningChoices>({ zones: [], warehouses: [], drivers: [] });
  useEffect(() => {
    const abort = new AbortController();
    // Suggestions only: a zone or warehouse typed by hand is planned all the same.
    void planningChoices(abort.signal).then(setChoices);
    return () => abort.abort();
  }, []);
  const [preview, setPreview] = useState<TripPlanPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const propose = () =>
    run(async () => {
      setPreview(null);
      setPreview(await previewTripPlan({ zone: zone.trim(), ...(warehouse.trim() ? { warehouse: warehouse.trim() } : {}), ...(drivers.length ? { driverIds: drivers } : {}) }));
    });
  const accept = () =>
    run(async () => {
      const { trips } = await commitTripPlan(commitOf(preview!));
      setPreview(null);
      setMessage({ ok: true, text: `Planned ${trips.length} ${trips.length === 1 ? 'trip' : 'trips'}: they are on the drivers' boards, ready to dispatch.` });
    });

  return (
    <Stack gap="md">
      <Title order={2}>Plan trips</Title>
      <Text size="sm" c="dimmed" maw={760}>
        Proposes trips for a zone's released and assigned delivery orders that are on no trip yet, from a warehouse's location, for the zone's available drivers (or the ones you name). Distances are
        straight lines times a road factor; look the proposal over, then accept it to plan the trips. Assigned orders go to their trip's driver.
      </Text>
      <Group align="flex-end">
        <Autocomplete label="Zone" required data={choices.zones} value={zone} onChange={setZone} data-testid="plan-zone" />
        <Autocomplete label="Warehouse" description="Empty: the one most orders leave from" data={choices.warehouses} value={warehouse} onChange={setWarehouse} data-testid="plan-warehouse" />
        <MultiSelect
          label="Drivers"
          description="Empty: the zone's available drivers"
          data={choices.drivers}
          value={drivers}
          onChange={setDrivers}
          searchable
          clearable
          maxValues={100}
          miw={260}
          data-testid="plan-drivers"
        />
        <Button onClick={() => void propose()} loading={busy} disabled={zone.trim() === ''} data-testid="plan-preview">
          Propose trips
        </Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} maw={760} data-testid="plan-message">
          {message.text}
        </Alert>
      )}
      {preview && (
        <Stack gap="md" data-testid="plan-proposal">
          <Text fw={500}>
            {preview.totals.trips === 0
              ? 'No trip could be planned: see why below.'
              : `${preview.totals.trips} ${preview.totals.trips === 1 ? 'trip' : 'trips'} from ${preview.warehouse} for ${preview.totals.orders} orders: ${preview.totals.distanceKm} km, ${preview.totals.durationMinutes} min of driving and stops in all.`}
          </Text>
          {preview.trips.map((t) => (
            <ProposedTripTable key={t.driverId} trip={t} />
          ))}
          {preview.unplanned.length > 0 && (
            <section aria-labelledby="unplanned-title">
              <Title order={4} id="unplanned-title">
                Not planned ({preview.unplanned.length})
              </Title>
              <Table striped withTableBorder maw={960} data-testid="plan-unplanned">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Why</Table.Th>
                    <Table.Th>What to do</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.unplanned.map((u) => (
                    <Table.Tr key={u.orderId}>
                      <Table.Td>
                        <Anchor href={orderLink(u.orderId)} target="_blank" title={`Order ${u.orderId}`}>
                          {u.reference ?? u.orderId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{REASON_LABELS[u.reason] ?? u.reason}</Table.Td>
                      <Table.Td>{u.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          )}
          {preview.driversLeftOut.length > 0 && (
            <Text size="sm" c="dimmed">
              Drivers left out: {preview.driversLeftOut.map((d) => d.reason).join(' ')}
            </Text>
          )}
          <Group>
            <Button onClick={() => void accept()} loading={busy} disabled={preview.trips.length === 0} data-testid="plan-accept">
              Accept and plan {preview.totals.trips} {preview.totals.trips === 1 ? 'trip' : 'trips'}
            </Button>
            <Button variant="default" onClick={() => setPreview(null)} disabled={busy}>
              Discard
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
