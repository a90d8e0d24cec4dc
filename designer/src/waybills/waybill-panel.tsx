import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { WAYBILL_MOVES, type MoveResult, type Waybill, type WaybillMove } from '../../../domain/waybills/waybill.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { addOrders, manifestPdfUrl, moveOrders, readManifest, removeOrder, sealWaybill } from './waybills-client.ts';

const MOVE_LABELS: Record<WaybillMove, string> = { pick_up: 'Mark picked up', depart: 'Mark in transit', deliver: 'Mark delivered' };

/** One waybill: its manifest, adding and removing orders while open, sealing with a confirmation, and moving its orders together once sealed. */
export function WaybillPanel({ waybill, onChanged }: { waybill: Waybill; onChanged: () => void }) {
  const manifest = useResource(`waybill-manifest:${waybill.id}`, (signal) => readManifest(waybill.id, signal), waybill.version);
  const [ids, setIds] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [results, setResults] = useState<MoveResult[] | null>(null);
  const open = waybill.state === 'open';

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged();
      manifest.reload();
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };
  const add = async () => {
    const orderIds = ids.split(/[\s,]+/).filter(Boolean);
    if (orderIds.length === 0) return setError('Type the ids of the orders to add, separated by commas or spaces.');
    if (await act(() => addOrders(waybill.id, orderIds))) setIds('');
  };

  return (
    <Stack gap="sm" data-testid="waybill-panel">
      <Group justify="space-between">
        <Title order={3}>
          {waybill.origin} → {waybill.destination} · {waybill.carrierType}
        </Title>
        <Badge color={open ? 'blue' : 'gray'} data-testid="waybill-state">
          {open ? 'Open' : `Sealed by ${waybill.sealedBy}`}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" title="Not done" withCloseButton onClose={() => setError(null)} data-testid="waybill-error">
          {error}
        </Alert>
      )}
      {open ? (
        <Group align="flex-end">
          <TextInput
            label="Add orders"
            description="Order ids from this origin to this destination, separated by commas"
            value={ids}
            onChange={(e) => setIds(e.currentTarget.value)}
            miw={360}
            data-testid="waybill-add-ids"
          />
          <Button onClick={() => void add()} data-testid="waybill-add">
            Add
          </Button>
          <Button color="orange" onClick={() => setConfirming(true)} disabled={waybill.orderIds.length === 0} data-testid="waybill-seal">
            Seal…
          </Button>
        </Group>
      ) : (
        <Group>
          <Text size="sm">Sealed: its orders are locked and move together.</Text>
          <Button component="a" variant="light" href={manifestPdfUrl(waybill.id)} target="_blank" rel="noopener" data-testid="waybill-manifest-pdf">
            Manifest (PDF)
          </Button>
          {WAYBILL_MOVES.map((action) => (
            <Button key={action} variant="default" onClick={() => void act(async () => setResults(await moveOrders(waybill.id, action)))} data-testid={`waybill-move-${action}`}>
              {MOVE_LABELS[action]}
            </Button>
          ))}
        </Group>
      )}
      {results && (
        <Alert color={results.every((r) => r.ok) ? 'green' : 'yellow'} title={`${results.filter((r) => r.ok).length} of ${results.length} orders moved`} withCloseButton onClose={() => setResults(null)} data-testid="waybill-move-results">
          {results.filter((r) => !r.ok).map((r) => (
            <Text size="sm" key={r.orderId}>
              {r.orderId}: {r.message}
            </Text>
          ))}
        </Alert>
      )}
      {manifest.error && <LoadError title="The manifest could not be loaded" error={manifest.error} onRetry={manifest.reload} />}
      <Table striped data-testid="waybill-manifest">
        <Table.Caption>
          Manifest: {manifest.data?.totals.orders ?? 0} orders, {manifest.data?.totals.units ?? 0} units, value {manifest.data?.totals.value.toFixed(2) ?? '0.00'}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Order</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Units</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Value</Table.Th>
            <Table.Th>Payment</Table.Th>
            {open && <Table.Th>Remove</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(manifest.data?.lines ?? []).map((l) => (
            <Table.Tr key={l.orderId}>
              <Table.Td>{l.reference ?? l.orderId}</Table.Td>
              <Table.Td>{l.account}</Table.Td>
              <Table.Td>{l.state.replaceAll('_', ' ')}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{l.units}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{l.value?.toFixed(2) ?? '—'}</Table.Td>
              <Table.Td>{l.codAmount !== null ? `COD ${l.codAmount.toFixed(2)}` : l.paymentMode.replaceAll('_', ' ')}</Table.Td>
              {open && (
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => void act(() => removeOrder(waybill.id, l.orderId))} aria-label={`Remove ${l.reference ?? l.orderId}`}>
                    Remove
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manifest.data && manifest.data.lines.length === 0 && <Text c="dimmed">No orders yet: add the deliveries this waybill carries, then seal it.</Text>}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Seal this waybill?">
        <Stack>
          <Text>
            Sealing locks its {waybill.orderIds.length} order{waybill.orderIds.length === 1 ? '' : 's'}: none can be added or removed afterwards, and its orders then move together.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it open
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setConfirming(false);
                void act(() => sealWaybill(waybill.id));
              }}
              data-testid="waybill-seal-confirm"
            >
              Seal the waybill
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
