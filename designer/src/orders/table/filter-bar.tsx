import { Button, Group, Loader, Popover } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { filterChips } from './filter-labels.ts';
import type { FilterFieldsProps } from './filter-fields.tsx';
import { withFilter, type FilterKey } from './orders-view-state.ts';

// The fields bring the domain's lists and their schemas: they load when the filters are first opened.
const FilterFields = lazy(async () => ({ default: (await import('./filter-fields.tsx')).FilterFields }));

/** The filters in a popover, and the active ones as chips: each a button that removes its filter. */
export function FilterBar({ filters, onChange, workAreas, myRoles }: FilterFieldsProps) {
  const remove = (keys: readonly FilterKey[]) => onChange(keys.reduce((rest, key) => withFilter(rest, key, undefined), filters));
  const chips = filterChips(filters, workAreas);
  return (
    <Group gap="xs" data-testid="filter-bar">
      <Popover position="bottom-start" width={560} shadow="md" trapFocus>
        <Popover.Target>
          <Button variant="default" size="xs" data-testid="filters-button">
            Filters{chips.length > 0 ? ` (${chips.length})` : ''}
          </Button>
        </Popover.Target>
        <Popover.Dropdown data-testid="filters">
          <Suspense fallback={<Loader size="sm" aria-label="Loading the filters" />}>
            <FilterFields filters={filters} onChange={onChange} workAreas={workAreas} myRoles={myRoles} />
          </Suspense>
        </Popover.Dropdown>
      </Popover>
      {chips.map((chip) => (
        <Button
          key={chip.keys.join()}
          variant="light"
          size="compact-sm"
          radius="xl"
          rightSection={<span aria-hidden="true">✕</span>}
          onClick={() => remove(chip.keys)}
          aria-label={`Remove the filter ${chip.label}`}
          data-testid={`chip-${chip.keys[0]}`}
        >
          {chip.label}
        </Button>
      ))}
      {chips.length > 1 && (
        <Button variant="subtle" size="xs" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
