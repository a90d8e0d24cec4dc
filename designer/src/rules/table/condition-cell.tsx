import { ActionIcon, Group, NativeSelect, NumberInput, Text, TextInput } from '@mantine/core';
import { OPERATORS_BY_TYPE, type FactSpec } from '../../../../domain/decision-points.ts';
import { formatValue, operatorLabel } from '../../format/labels.ts';
import { fromLocalInput, toLocalInput, viewerTimeZone } from '../../format/local-date-time.ts';
import { factReference, takesList } from '../../graph/condition-fit.ts';
import type { TableCell } from '../../graph/decision-table.ts';
import type { ValueLimit } from '../locks/table-limits.ts';
import { boundProps } from './bound-props.ts';

interface ConditionCellProps {
  rule: string;
  spec: FactSpec | undefined;
  cell: TableCell;
  /** Why the rule keeps its shape for this editor (the operator stays, the condition is not removed); null when it does not. */
  locked: string | null;
  /** The value's bound, when an admin set one that holds this editor. */
  limit: ValueLimit | undefined;
  onChange: (change: { operator?: string; value?: unknown }, field: string) => void;
  onClear: () => void;
}

/** Typed as a list: numbers where the fact is a number, trimmed text otherwise. */
const listValue = (text: string, spec: FactSpec | undefined) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => (spec?.type === 'number' && Number.isFinite(Number(item)) ? Number(item) : item));

function ValueField({ rule, spec, cell, limit, onChange }: Omit<ConditionCellProps, 'onClear' | 'locked'>) {
  const label = `${spec?.name ?? 'Value'} value in ${rule}`;
  const common = { size: 'xs', 'aria-label': label, 'data-testid': 'table-cell-value', w: 110 } as const;
  const other = factReference(cell.value);
  if (other !== null) return <Text size="sm" ff="monospace">{other}</Text>;
  if (takesList(cell.operator)) {
    // Typed freely and read on leaving the field; keyed by the value so an undo shows in it.
    return <TextInput key={formatValue(cell.value)} {...common} defaultValue={formatValue(cell.value)} onBlur={(e) => onChange({ value: listValue(e.currentTarget.value, spec) }, 'value')} />;
  }
  if (spec?.type === 'enum' || spec?.type === 'boolean') {
    const options = spec.type === 'enum' ? [...(spec.values ?? [])] : ['true', 'false'];
    return (
      <NativeSelect
        {...common}
        data={options}
        value={String(cell.value)}
        onChange={(e) => onChange({ value: spec.type === 'boolean' ? e.currentTarget.value === 'true' : e.currentTarget.value }, 'value')}
      />
    );
  }
  if (spec?.type === 'number') {
    return <NumberInput {...common} {...boundProps(limit)} w={limit ? 130 : common.w} hideControls value={typeof cell.value === 'number' ? cell.value : ''} onChange={(value) => onChange({ value }, 'value')} />;
  }
  if (spec?.type === 'date') {
    // The viewer's wall-clock time, stored as UTC: the same editor as the inspector's.
    return (
      <TextInput
        {...common}
        w={190}
        type="datetime-local"
        title={`Your local time (${viewerTimeZone()}); the rule keeps it in UTC`}
        value={toLocalInput(cell.value)}
        onChange={(e) => {
          const iso = fromLocalInput(e.currentTarget.value);
          if (iso) onChange({ value: iso }, 'value');
        }}
      />
    );
  }
  return <TextInput {...common} value={typeof cell.value === 'string' ? cell.value : formatValue(cell.value)} onChange={(e) => onChange({ value: e.currentTarget.value }, 'value')} />;
}

/** One condition of a rule on one fact: its operator and value, edited in place. */
export function ConditionCell({ rule, spec, cell, locked, limit, onChange, onClear }: ConditionCellProps) {
  const operators = spec ? OPERATORS_BY_TYPE[spec.type] : [cell.operator];
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" data-testid="table-cell" data-fact={spec?.name} title={locked ?? cell.text}>
      <NativeSelect
        disabled={locked !== null}
        size="xs"
        w={78}
        aria-label={`${spec?.name ?? 'Fact'} operator in ${rule}`}
        data-testid="table-cell-operator"
        data={operators.map((o) => ({ value: o, label: operatorLabel(o) }))}
        value={cell.operator}
        onChange={(e) => onChange({ operator: e.currentTarget.value }, 'operator')}
      />
      <ValueField rule={rule} spec={spec} cell={cell} limit={limit} onChange={onChange} />
      {locked === null && (
        <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove the condition on ${spec?.name ?? 'this fact'} from ${rule}`} onClick={onClear}>
          ×
        </ActionIcon>
      )}
    </Group>
  );
}
