import { NativeSelect } from '@mantine/core';
import { listOrderViews } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';

const EVERY_KIND = '';

/** The ready-made queue per order kind: picking one filters the table on its kinds. A native select keeps the first load light. */
export function QueueSelect({ kind, onKind }: { kind: string | undefined; onKind: (kind: string | undefined) => void }) {
  const views = useResource('order-views', listOrderViews);
  const data = (views.data?.views ?? []).map((view) => ({ value: view.filters.kind.join(','), label: view.name }));
  const chosen = data.some((option) => option.value === kind) ? (kind ?? EVERY_KIND) : EVERY_KIND;
  return (
    <NativeSelect
      label="Queue"
      data={[{ value: EVERY_KIND, label: kind && chosen === EVERY_KIND ? 'The kinds the filter names' : 'Every kind' }, ...data]}
      value={chosen}
      onChange={(event) => onKind(event.currentTarget.value || undefined)}
      w={220}
      data-testid="queue-select"
    />
  );
}
