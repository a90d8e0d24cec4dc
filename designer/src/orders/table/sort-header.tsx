import { Table, UnstyledButton } from '@mantine/core';
import type { OrderSort, SortDirection } from '../../../../domain/order-list-query.ts';

interface SortHeaderProps {
  label: string;
  sort: OrderSort | undefined;
  current: { sort: OrderSort; dir: SortDirection };
  onSort: (sort: OrderSort, dir: SortDirection) => void;
}

/**
 * A column header; a sortable one is a button (click, Enter or Space) that sorts on it, then the other way.
 * The button is named by the column alone, and `aria-sort` tells a screen reader the order.
 */
export function SortHeader({ label, sort, current, onSort }: SortHeaderProps) {
  if (!sort) return <Table.Th>{label}</Table.Th>;
  const active = current.sort === sort;
  const ariaSort = active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const next: SortDirection = active && current.dir === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th aria-sort={ariaSort} data-testid={`sort-${sort}`}>
      <UnstyledButton
        onClick={() => onSort(sort, next)}
        fw={700}
        fz="sm"
        title={`Sort ${next === 'asc' ? 'ascending' : 'descending'}`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}
        <span aria-hidden="true">{active ? (current.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
