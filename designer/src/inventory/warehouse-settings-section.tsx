import { Alert, NativeSelect, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { GeoPoint } from '../../../domain/geo.ts';
import type { ReserveAt, WarehouseSettings } from '../../../domain/inventory.ts';
import { describeRolesFor } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import type { Resource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { putWarehouseSettings } from './inventory-client.ts';
import { WarehouseLocationCell } from './warehouse-location-cell.tsx';

const RESERVE_AT_LABELS: Record<ReserveAt, string> = {
  acceptance: 'At acceptance',
  release: 'At release',
};
const OPTIONS = Object.entries(RESERVE_AT_LABELS).map(([value, label]) => ({ value, label }));

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When each warehouse's orders take their stock: changed here by who may, read by everyone else. */
export function WarehouseSettingsSection({ warehouses }: { warehouses: Resource<WarehouseSettings[]> }) {
  const { can } = useSession();
  const [saving, setSaving] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const manages = can('warehouses.manage');

  const change = async (warehouse: string, settings: { reserveAt: ReserveAt } | { location: GeoPoint | null }) => {
    setSaving(warehouse);
    setMessage(null);
    try {
      await putWarehouseSettings(warehouse, settings);
      setMessage({
        ok: true,
        text:
          'reserveAt' in settings
            ? `${warehouse} now reserves stock ${RESERVE_AT_LABELS[settings.reserveAt].toLowerCase()}. Orders keep what they hold already.`
            : settings.location
              ? `${warehouse} is now at ${settings.location.lat}, ${settings.location.lng}: trips planned from it start and end there.`
              : `${warehouse} has no location now: trips cannot be planned from it until it has one.`,
      });
      warehouses.reload();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section aria-labelledby="warehouses-title">
      <Title order={3} id="warehouses-title">Warehouses</Title>
      <Text size="sm" c="dimmed" mb="xs">
        At acceptance, an order takes its stock when intake accepts it. At release, it takes its stock only when a release cycle lets it go: stock is not tied up by orders waiting in
        the pool, and an order short of stock then is held for inventory until a receipt covers it.
        {!manages && ` Changing this needs ${describeRolesFor('warehouses.manage')}.`}
      </Text>
      {warehouses.error && <LoadError title="Warehouses could not be loaded" error={warehouses.error} onRetry={warehouses.reload} />}
      {warehouses.data?.length === 0 && <Text c="dimmed">No warehouse yet: a warehouse appears here with its first receipt.</Text>}
      {(warehouses.data?.length ?? 0) > 0 && (
        <Table striped withTableBorder data-testid="warehouses-table" maw={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Warehouse</Table.Th>
              <Table.Th>Reserves stock</Table.Th>
              <Table.Th>Location (depot of its trips)</Table.Th>
              <Table.Th>Last changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {warehouses.data!.map((w) => (
              <Table.Tr key={w.warehouse}>
                <Table.Td>{w.warehouse}</Table.Td>
                <Table.Td>
                  {manages ? (
                    <NativeSelect
                      aria-label={`When ${w.warehouse} reserves stock`}
                      data={OPTIONS}
                      value={w.reserveAt}
                      disabled={saving !== null}
                      onChange={(e) => void change(w.warehouse, { reserveAt: e.currentTarget.value as ReserveAt })}
                      data-testid={`reserve-at-${w.warehouse}`}
                    />
                  ) : (
                    RESERVE_AT_LABELS[w.reserveAt]
                  )}
                </Table.Td>
                <Table.Td>
                  <WarehouseLocationCell
                    key={`${w.location?.lat},${w.location?.lng}`}
                    warehouse={w.warehouse}
                    location={w.location}
                    editable={manages}
                    busy={saving !== null}
                    onSave={(location) => void change(w.warehouse, { location })}
                  />
                </Table.Td>
                <Table.Td>{w.updatedAt ? `${when(w.updatedAt)} by ${w.updatedBy}` : 'Never (the default)'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {message && (
        <Alert mt="sm" color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} data-testid="warehouse-settings-message">
          {message.text}
        </Alert>
      )}
    </section>
  );
}
