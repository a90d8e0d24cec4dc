import { Stack, Table } from '@mantine/core';
import { useMemo, useState } from 'react';
import { unitsOf, type OrderSummary } from '../../../domain/order.ts';
import { Pager } from '../common/pager.tsx';
import { pageCount, pageStart } from '../common/paging.ts';

const count = new Intl.NumberFormat();

/** Lines shown at once: a specialist's order may have thousands, and rendering them all froze the drawer. */
export const LINES_PER_PAGE = 20;

const amount = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The order's lines a page at a time, with the totals of all of them. */
export function OrderLines({ lines }: { lines: OrderSummary['lines'] }) {
  const [page, setPage] = useState(1);
  // The order may lose lines while the drawer is open (a split): stay on a page that still exists.
  const shown = Math.min(page, pageCount(lines.length, LINES_PER_PAGE));
  const start = pageStart(shown, LINES_PER_PAGE);
  const totals = useMemo(() => ({ units: unitsOf(lines), value: lines.reduce((sum, line) => sum + line.qty * line.price, 0) }), [lines]);
  return (
    <Stack gap="xs">
      <Table withTableBorder verticalSpacing={4} data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">#</Table.Th>
            <Table.Th>SKU</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th ta="right">Unit price</Table.Th>
            <Table.Th ta="right">Line total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.slice(start, start + LINES_PER_PAGE).map((line, i) => (
            <Table.Tr key={start + i} data-testid={`order-line-${start + i + 1}`}>
              <Table.Td ta="right" c="dimmed">
                {start + i + 1}
              </Table.Td>
              <Table.Td ff="monospace">{line.sku}</Table.Td>
              <Table.Td ta="right">{line.qty}</Table.Td>
              <Table.Td ta="right">{amount.format(line.price)}</Table.Td>
              <Table.Td ta="right">{amount.format(line.qty * line.price)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th />
            <Table.Th>
              {count.format(lines.length)} {lines.length === 1 ? 'line' : 'lines'}
            </Table.Th>
            <Table.Th ta="right">{count.format(totals.units)}</Table.Th>
            <Table.Th />
            <Table.Th ta="right">{amount.format(totals.value)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Pager total={lines.length} size={LINES_PER_PAGE} page={shown} onChange={setPage} what="lines" testId="order-lines-pages" />
    </Stack>
  );
}
