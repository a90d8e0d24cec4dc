import { Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionOffer } from '../../../domain/routes/route-session.ts';

interface SessionOffersTableProps {
  offers: readonly SessionOffer[];
  /** Whether the person may take offers in; readers see them without checkboxes. */
  manages: boolean;
  busy: boolean;
  onAccept: (orderIds: string[]) => void;
}

/** The orders an open session could take, the stop that serves each and why; the ones ticked are taken in together. */
export function SessionOffersTable({ offers, manages, busy, onAccept }: SessionOffersTableProps) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const chosen = offers.filter((o) => picked.has(o.orderId)).map((o) => o.orderId);
  const all = offers.length > 0 && chosen.length === offers.length;
  const toggle = (id: string) => setPicked((now) => (now.has(id) ? new Set([...now].filter((x) => x !== id)) : new Set([...now, id])));

  if (offers.length === 0) return <Text c="dimmed" data-testid="session-no-offers">No order is on offer: none released or assigned that a stop of this route serves and no other session holds.</Text>;
  return (
    <>
      <Table striped data-testid="session-offers">
        <Table.Caption>Orders on offer, soonest due first.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {manages && (
              <Table.Th>
                <Checkbox aria-label="Choose every offered order" checked={all} indeterminate={chosen.length > 0 && !all} onChange={() => setPicked(all ? new Set() : new Set(offers.map((o) => o.orderId)))} />
              </Table.Th>
            )}
            <Table.Th>Order</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Stop</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((o) => (
            <Table.Tr key={o.orderId}>
              {manages && (
                <Table.Td>
                  <Checkbox aria-label={`Choose ${o.reference ?? o.orderId}`} checked={picked.has(o.orderId)} onChange={() => toggle(o.orderId)} data-testid={`session-offer-${o.orderId}`} />
                </Table.Td>
              )}
              <Table.Td>{o.reference ?? o.orderId}</Table.Td>
              <Table.Td>{o.account}</Table.Td>
              <Table.Td>{o.state.replaceAll('_', ' ')}</Table.Td>
              <Table.Td>{o.stop}</Table.Td>
              <Table.Td>{o.why}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manages && (
        <Group>
          <Button disabled={chosen.length === 0} loading={busy} onClick={() => onAccept(chosen)} data-testid="session-accept">
            {chosen.length === 0 ? 'Choose orders to take in' : `Take ${chosen.length} order${chosen.length === 1 ? '' : 's'} into the session`}
          </Button>
        </Group>
      )}
    </>
  );
}
