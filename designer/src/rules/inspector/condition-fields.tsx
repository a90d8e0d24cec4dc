import { Alert, Select, Stack, Text } from '@mantine/core';
import { DECISION_POINT_SPECS, OPERATORS_BY_TYPE, type DecisionPointId } from '../../../../domain/decision-points.ts';
import { operatorLabel } from '../../format/labels.ts';
import { factSpec, withFact, withOperator } from '../../graph/condition-fit.ts';
import type { ConditionData } from '../../graph/rules-graph-model.ts';
import type { ValueLimit } from '../locks/table-limits.ts';
import { ValueInput } from './value-input.tsx';

interface ConditionFieldsProps {
  dp: DecisionPointId;
  data: ConditionData;
  onChange: (data: ConditionData, field: string) => void;
  /** Why the fact, the operator and what the value compares with stay, when the rule keeps its shape for this editor. */
  locked: string | null;
  /** The value's bound, when an admin set one that holds this editor. */
  limit: ValueLimit | undefined;
}

export function ConditionFields({ dp, data, onChange, locked, limit }: ConditionFieldsProps) {
  const spec = factSpec(dp, data.fact);
  const facts = DECISION_POINT_SPECS[dp].facts.map((f) => ({ value: f.name, label: `${f.name} (${f.unit ?? f.type})` }));
  return (
    <Stack gap="sm">
      <Select
        label="Fact"
        data-testid="inspector-condition-fact"
        disabled={locked !== null}
        data={facts}
        value={spec ? data.fact : null}
        onChange={(fact) => fact && onChange(withFact(dp, data, fact), 'fact')}
        searchable
        allowDeselect={false}
        description={spec?.description}
      />
      {!spec && (
        <Alert color="red" p="xs">
          “{data.fact}” is not a fact of this decision point: pick one above.
        </Alert>
      )}
      {spec && (
        <>
          <Select
            label="Operator"
            data-testid="inspector-condition-operator"
            disabled={locked !== null}
            data={OPERATORS_BY_TYPE[spec.type].map((op) => ({ value: op, label: `${operatorLabel(op)}  · ${op}` }))}
            value={OPERATORS_BY_TYPE[spec.type].includes(data.operator) ? data.operator : null}
            onChange={(operator) => operator && onChange(withOperator(dp, data, operator), 'operator')}
            allowDeselect={false}
          />
          <ValueInput dp={dp} spec={spec} operator={data.operator} value={data.value} locked={locked !== null} limit={limit} onChange={(value) => onChange({ ...data, value }, 'value')} />
          {spec.type === 'enum' && (
            <Text size="xs" c="dimmed">
              Values: {spec.values?.join(', ')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
