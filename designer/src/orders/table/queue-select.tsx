import { Select } from '@mantine/core';
import { listOrderViews } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { ORDERS_KEYS } from '../first-reads.ts';

/** The ready-made queue per order kind: picking one filters the table on its kinds. */
export function QueueSelect({ kind, onKind }: { kind: string | undefined; onKind: (kind: string | undefined) => void }) {
  const views = useResource(ORDERS_KEYS.queues, listOrderViews);
  const data = (views.data?.views ?? []).map((view) => ({ value: view.filters.kind.join(','), label: view.name }));
  const chosen = data.some((option) => option.value === kind) ? (kind ?? null) : null;
  return (
    <Select
      label="Queue"
      placeholder={kind && chosen === null ? 'The kinds the filter names' : 'Every kind'}
      data={data}
      value={chosen}
      onChange={(value) => onKind(value ?? undefined)}
      clearable
      allowDeselect
      w={220}
      data-testid="queue-select"
    />
  );
}
