import { Checkbox, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { OrderListItem } from '../../../domain/order.ts';
import type { OrderSort, SortDirection } from '../../../domain/order-list-query.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { humanize } from '../format/labels.ts';
import { orderName } from '../format/order-name.ts';
import { useNow } from '../format/use-now.ts';
import { viewerDateTimeFormat } from '../format/viewer-format.ts';
import { DueTime } from './due-time.tsx';
import { LastMileBadge } from './last-mile-badge.tsx';
import { StatedPriority } from './stated-priority.tsx';
import { StateBadge } from './state-badge.tsx';
import { COLUMN_LABELS, COLUMN_SORTS, DEFAULT_COLUMNS, type OrderColumn } from './table/order-columns.ts';
import { FIRST_PAGE_TIMING, useFirstPaintRows } from './table/first-paint-rows.ts';
import { SortHeader } from './table/sort-header.tsx';
import { workDone } from './work-done.ts';

/** Rows ticked for a bulk action, for people who may act on orders. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  onToggle: (orderId: string) => void;
  onTogglePage: () => void;
}

interface OrdersTableProps {
  orders: OrderListItem[];
  workAreaNames: ReadonlyMap<string, string>;
  onOpen: (orderId: string) => void;
  columns?: readonly OrderColumn[];
  sort?: { sort: OrderSort; dir: SortDirection };
  onSort?: (sort: OrderSort, dir: SortDirection) => void;
  selection?: RowSelection;
}

/** Below this width the table scrolls sideways rather than squeezing its columns. */
const TABLE_MIN_WIDTH = 1080;

const taken = viewerDateTimeFormat({ dateStyle: 'short', timeStyle: 'short' });

export function OrdersTable({ orders, workAreaNames, onOpen, columns = DEFAULT_COLUMNS, sort, onSort, selection }: OrdersTableProps) {
  const now = useNow();
  const { ref, width } = useElementSize();
  const rows = useFirstPaintRows(orders);
  // On a tablet the last columns are off screen: say so, and keep the scrollbar in view, not only on hover.
  const scrolls = width > 0 && width < TABLE_MIN_WIDTH;
  const cell = (order: OrderListItem, column: OrderColumn): ReactNode => {
    switch (column) {
      case 'reference':
        return (
          <Text fw={600} size="sm" elementtiming={FIRST_PAGE_TIMING}>
            {orderName(order)}
          </Text>
        );
      case 'account':
        return order.account;
      case 'kind':
        return humanize(order.kind);
      case 'statedPriority':
        return <StatedPriority priority={order.statedPriority} />;
      case 'score':
        return order.priorityScore === null ? (
          <Text size="sm" c="dimmed">
            not scored yet
          </Text>
        ) : (
          <Text fw={700}>{order.priorityScore}</Text>
        );
      case 'state':
        return (
          <>
            <StateBadge state={order.state} />
            {order.escalation && (
              <Text size="xs" c="dimmed" mt={2}>
                {ROLE_LABELS[order.escalation.role]} queue
              </Text>
            )}
          </>
        );
      case 'lastMile':
        return order.lastMileStatus && <LastMileBadge status={order.lastMileStatus} />;
      case 'due':
        return <DueTime dueAt={order.dueAt} done={workDone(order)} now={now} />;
      case 'area':
        return workAreaNames.get(order.workAreaId) ?? order.workAreaId;
      case 'created':
        return taken().format(new Date(order.createdAt));
    }
  };
  const pageSelected = selection !== undefined && orders.length > 0 && orders.every((order) => selection.selected.has(order.id));
  const someSelected = selection !== undefined && orders.some((order) => selection.selected.has(order.id));
  return (
    <Table.ScrollContainer ref={ref} minWidth={TABLE_MIN_WIDTH} scrollAreaProps={{ type: 'auto' }}>
      <Table data-testid="orders-table" highlightOnHover verticalSpacing="sm" captionSide="top">
        {scrolls && (
          <Table.Caption ta="left" data-testid="orders-table-scroll-hint">
            Scroll the table sideways for Due and Work area →
          </Table.Caption>
        )}
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select every order on this page"
                  data-testid="select-page"
                  checked={pageSelected}
                  indeterminate={someSelected && !pageSelected}
                  onChange={selection.onTogglePage}
                />
              </Table.Th>
            )}
            {columns.map((column) =>
              sort && onSort ? (
                <SortHeader key={column} label={COLUMN_LABELS[column]} sort={COLUMN_SORTS[column]} current={sort} onSort={onSort} />
              ) : (
                <Table.Th key={column}>{COLUMN_LABELS[column]}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((order) => (
            <Table.Tr
              key={order.id}
              data-testid={`order-row-${order.id}`}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(order.id)}
              onKeyDown={(event) => {
                if (event.target !== event.currentTarget) return;
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(order.id);
                }
              }}
            >
              {selection && (
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    aria-label={`Select ${orderName(order)}`}
                    data-testid={`select-${order.id}`}
                    checked={selection.selected.has(order.id)}
                    onChange={() => selection.onToggle(order.id)}
                  />
                </Table.Td>
              )}
              {columns.map((column) => (
                <Table.Td key={column}>{cell(order, column)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
