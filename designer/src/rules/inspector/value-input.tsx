import { MultiSelect, NumberInput, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { DecisionPointId, FactSpec } from '../../../../domain/decision-points.ts';
import { fromLocalInput, toLocalInput, viewerTimeZone } from '../../format/local-date-time.ts';
import { comparableFacts, exampleValue, factReference, takesList } from '../../graph/condition-fit.ts';
import type { ValueLimit } from '../locks/table-limits.ts';
import { boundProps } from '../table/bound-props.ts';

interface ValueInputProps {
  dp: DecisionPointId;
  spec: FactSpec;
  operator: string;
  value: unknown;
  /** The rule keeps its shape: the value changes, not whether it is a value or another fact. */
  locked: boolean;
  limit: ValueLimit | undefined;
  onChange: (value: unknown) => void;
}

const TEST_ID = 'inspector-condition-value';
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
/** Typed into a list of numbers: numbers where they read as one; anything else stays, for the validator to point at. */
const numbersOrText = (items: string[]) => items.map((item) => (item.trim() !== '' && Number.isFinite(Number(item)) ? Number(item) : item));

function LiteralInput({ spec, operator, value, limit, onChange }: Omit<ValueInputProps, 'dp' | 'locked'>) {
  const common = { label: 'Value', 'data-testid': TEST_ID };
  if (takesList(operator)) {
    if (spec.type === 'enum') return <MultiSelect {...common} label="Values" data={[...(spec.values ?? [])]} value={strings(value)} onChange={onChange} />;
    return (
      <TagsInput
        {...common}
        label="Values"
        description="Press Enter after each value."
        value={strings(value)}
        onChange={(items) => onChange(spec.type === 'number' ? numbersOrText(items) : items)}
      />
    );
  }
  switch (spec.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          {...boundProps(limit)}
          value={typeof value === 'number' ? value : ''}
          onChange={onChange}
          rightSection={spec.unit}
          rightSectionWidth={spec.unit ? 72 : undefined}
          hideControls={spec.unit !== undefined}
        />
      );
    case 'enum':
      return <Select {...common} data={[...(spec.values ?? [])]} value={typeof value === 'string' ? value : null} onChange={onChange} allowDeselect={false} />;
    case 'boolean':
      return (
        <SegmentedControl
          data-testid={TEST_ID}
          data={[
            { value: 'true', label: 'true' },
            { value: 'false', label: 'false' },
          ]}
          value={String(value === true)}
          onChange={(v) => onChange(v === 'true')}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          description={`Your local time (${viewerTimeZone()}); the rule keeps ${typeof value === 'string' && value ? value : 'it'} in UTC.`}
          value={toLocalInput(value)}
          onChange={(e) => {
            const iso = fromLocalInput(e.currentTarget.value);
            if (iso) onChange(iso);
          }}
        />
      );
    case 'string':
    case 'list':
      return <TextInput {...common} label={spec.type === 'list' ? 'Item' : 'Value'} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

/** The value a condition compares with, in an editor fitting the fact's type; or another fact of the same type. */
export function ValueInput({ dp, spec, operator, value, locked, limit, onChange }: ValueInputProps) {
  const others = comparableFacts(dp, spec, operator);
  const other = factReference(value);
  return (
    <Stack gap={6}>
      {others.length > 0 && (
        <SegmentedControl
          size="xs"
          data-testid="inspector-value-mode"
          data={[
            { value: 'value', label: 'a value' },
            { value: 'fact', label: 'another fact' },
          ]}
          value={other === null ? 'value' : 'fact'}
          disabled={locked}
          onChange={(mode) => onChange(mode === 'fact' ? { fact: others[0]!.name } : exampleValue(spec, operator))}
        />
      )}
      {others.length > 0 && locked && (
        <Text size="xs" data-testid="inspector-value-mode-locked">
          Locked: comparing with a value or with another fact is part of the rule’s structure; only the value changes.
        </Text>
      )}
      {other === null ? (
        <LiteralInput spec={spec} operator={operator} value={value} limit={limit} onChange={onChange} />
      ) : (
        <Select
          label="Compared with fact"
          data-testid="inspector-value-fact"
          disabled={locked}
          data={others.map((f) => f.name)}
          value={other}
          onChange={(name) => name && onChange({ fact: name })}
          allowDeselect={false}
        />
      )}
    </Stack>
  );
}
