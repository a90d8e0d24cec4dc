import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import { DISCREPANCY_LABELS, type DiscrepancyKind } from '../../../domain/reconciliation/discrepancy-kinds.ts';
import type { ReconciliationReport } from '../../../domain/reconciliation/reconciliation.ts';
import { followInApp } from '../orders/orders-link.ts';

const MONEY_KINDS = new Set<DiscrepancyKind>(['short_remittance', 'over_remittance', 'short_collection', 'over_collection']);

/** Every discrepancy of the day, each linking to its order, where the action that settles it is taken. */
export function DiscrepancyList({ report }: { report: ReconciliationReport }) {
  return (
    <section aria-labelledby="reconciliation-discrepancies">
      <Title order={3} id="reconciliation-discrepancies" mb="xs">
        Discrepancies ({report.discrepancyTotal})
      </Title>
      {report.discrepancies.length === 0 ? (
        <Text c="dimmed" data-testid="reconciliation-no-discrepancies">
          None: the day reconciles.
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="reconciliation-discrepancies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>What</Table.Th>
              <Table.Th>Order</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.discrepancies.map((d) => (
              <Table.Tr key={`${d.kind}/${d.orderId}`}>
                <Table.Td>
                  <Badge color={MONEY_KINDS.has(d.kind) ? 'red' : 'yellow'} variant="light">
                    {DISCREPANCY_LABELS[d.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    href={d.href}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                      event.preventDefault();
                      followInApp(d.href);
                    }}
                  >
                    {d.reference ?? d.orderId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.truncated && (
        <Text size="sm" c="dimmed" mt="xs">
          Showing {report.discrepancies.length} of {report.discrepancyTotal}: settle these and reload the day for the rest.
        </Text>
      )}
    </section>
  );
}
