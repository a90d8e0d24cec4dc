import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CARRIER_TYPES } from '../../../domain/resource.ts';
import type { CarrierType } from '../../../domain/order.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { WaybillPanel } from './waybill-panel.tsx';
import { createWaybill, listWaybills } from './waybills-client.ts';

/** Waybills: deliveries grouped for one origin, destination and carrier; opened, filled, sealed, then moved together. */
export function WaybillsView() {
  const [reload, setReload] = useState(0);
  const waybills = useResource(`waybills:${reload}`, (signal) => listWaybills(signal));
  const [selected, setSelected] = useState<string | null>(null);
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const [carrier, setCarrier] = useState<CarrierType>('internal');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => setReload((n) => n + 1);

  const create = async () => {
    setError(null);
    if (!origin.trim() || !destination.trim()) return setError('Name the warehouse the goods leave from and the zone they go to.');
    try {
      const made = await createWaybill({ origin: origin.trim(), destination: destination.trim(), carrierType: carrier });
      setSelected(made.id);
      setOrigin('');
      setDestination('');
      refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const current = waybills.data?.find((w) => w.id === selected) ?? null;

  return (
    <Stack gap="md">
      <Title order={2}>Waybills</Title>
      <Group align="flex-end">
        <TextInput label="Origin" description="The warehouse the goods leave from" value={origin} onChange={(e) => setOrigin(e.currentTarget.value)} data-testid="waybill-origin" />
        <TextInput label="Destination" description="The zone they are delivered to" value={destination} onChange={(e) => setDestination(e.currentTarget.value)} data-testid="waybill-destination" />
        <Select label="Carrier type" description="Who carries them" data={[...CARRIER_TYPES]} value={carrier} onChange={(v) => v && setCarrier(v as CarrierType)} allowDeselect={false} data-testid="waybill-carrier" />
        <Button onClick={() => void create()} data-testid="waybill-create">
          Open a waybill
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="The waybill was not opened">
          {error}
        </Alert>
      )}
      {waybills.error && <LoadError title="The waybills could not be loaded" error={waybills.error} onRetry={waybills.reload} />}
      <Table striped highlightOnHover data-testid="waybills-table">
        <Table.Caption>Waybills, newest first.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Lane</Table.Th>
            <Table.Th>Carrier</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Orders</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Opened</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(waybills.data ?? []).map((w) => (
            <Table.Tr key={w.id} bg={w.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setSelected(w.id)} data-testid={`waybill-open-${w.id}`}>
                  {w.origin} → {w.destination}
                </Button>
              </Table.Td>
              <Table.Td>{w.carrierType}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{w.orderIds.length}</Table.Td>
              <Table.Td>
                <Badge color={w.state === 'open' ? 'blue' : 'gray'}>{w.state === 'open' ? 'Open' : 'Sealed'}</Badge>
              </Table.Td>
              <Table.Td>{new Date(w.createdAt).toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {waybills.data && waybills.data.length === 0 && <Text c="dimmed">No waybills yet: open one for a lane (origin, destination, carrier), add its deliveries, then seal it.</Text>}
      {current && <WaybillPanel waybill={current} onChanged={refresh} />}
    </Stack>
  );
}
