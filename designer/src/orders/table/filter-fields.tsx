import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { LAST_MILE_STATUSES } from '../../../../domain/last-mile.ts';
import { ORDER_STATES } from '../../../../domain/lifecycle.ts';
import { ORDER_KINDS, STATED_PRIORITIES } from '../../../../domain/order.ts';
import { HOLD_FILTERS } from '../../../../domain/order-list-query.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../domain/roles.ts';
import type { WorkArea } from '../../../../domain/work-area.ts';
import { humanize } from '../../format/labels.ts';
import { DUE_WINDOWS, dueWindow, type DueWindow } from './filter-labels.ts';
import { withFilter, type FilterKey, type OrderFilters } from './orders-view-state.ts';

export interface FilterFieldsProps {
  filters: OrderFilters;
  onChange: (filters: OrderFilters) => void;
  workAreas: readonly WorkArea[];
  myRoles: readonly Role[];
}

const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));
const HOLD_LABELS: Record<string, string> = { any: 'On hold (any cause)', none: 'Not on hold' };

/** Every filter of the orders table, each labelled; they load when the filters are first opened. */
export function FilterFields({ filters, onChange, workAreas, myRoles }: FilterFieldsProps) {
  const set = (key: FilterKey, value: string | null | undefined) => onChange(withFilter(filters, key, value ?? undefined));
  const many = (key: FilterKey) => ({ value: filters[key]?.split(',') ?? [], onChange: (values: string[]) => set(key, values.join(',')) });
  const text = (key: FilterKey) => ({
    defaultValue: filters[key] ?? '',
    onBlur: (event: React.FocusEvent<HTMLInputElement>) => set(key, event.currentTarget.value.trim()),
    onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') set(key, event.currentTarget.value.trim());
    },
  });
  const roleOptions = [...myRoles, ...ROLES.filter((role) => !myRoles.includes(role))].map((role) => ({ value: role, label: myRoles.includes(role) ? `${ROLE_LABELS[role]} (my role)` : ROLE_LABELS[role] }));
  const setDue = (window: DueWindow) => {
    const rest = withFilter(withFilter(filters, 'dueFrom', undefined), 'dueTo', undefined);
    onChange({ ...rest, ...dueWindow(window, Date.now()) });
  };
  return (
    <SimpleGrid cols={2} spacing="sm">
      <MultiSelect label="State" data={options(ORDER_STATES)} {...many('state')} clearable data-testid="filter-state" comboboxProps={{ withinPortal: false }} />
      <MultiSelect label="Kind" data={options(ORDER_KINDS)} {...many('kind')} clearable data-testid="filter-kind" comboboxProps={{ withinPortal: false }} />
      <Select label="Work area" data={workAreas.map((area) => ({ value: area.id, label: area.name }))} value={filters.area ?? null} onChange={(value) => set('area', value)} clearable searchable comboboxProps={{ withinPortal: false }} />
      <Select
        label="Due"
        data={Object.entries(DUE_WINDOWS).map(([value, label]) => ({ value, label }))}
        value={null}
        placeholder={filters.dueFrom || filters.dueTo ? 'A window is set (see its chip)' : 'Any time'}
        onChange={(value) => value && setDue(value as DueWindow)}
        comboboxProps={{ withinPortal: false }}
      />
      <TextInput label="Zone" placeholder="A zone id, exactly" key={`zone-${filters.zone ?? ''}`} {...text('zone')} />
      <TextInput label="Warehouse" placeholder="A warehouse id, exactly" key={`warehouse-${filters.warehouse ?? ''}`} {...text('warehouse')} />
      <MultiSelect label="Stated priority" data={options(STATED_PRIORITIES)} {...many('priority')} clearable comboboxProps={{ withinPortal: false }} />
      <Select label="Holds" data={HOLD_FILTERS.map((value) => ({ value, label: HOLD_LABELS[value] ?? `On ${value} hold` }))} value={filters.hold ?? null} onChange={(value) => set('hold', value)} clearable comboboxProps={{ withinPortal: false }} />
      <Select label="Escalated to" data={roleOptions} value={filters.escalatedTo ?? null} onChange={(value) => set('escalatedTo', value)} clearable comboboxProps={{ withinPortal: false }} data-testid="filter-escalated" />
      <MultiSelect label="Last-mile status" data={[...LAST_MILE_STATUSES]} {...many('lastMile')} clearable comboboxProps={{ withinPortal: false }} />
    </SimpleGrid>
  );
}
