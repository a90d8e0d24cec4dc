import { NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DECISION_POINT_SPECS, type DecisionPointId } from '../../../../domain/decision-points.ts';
import { humanize } from '../../format/labels.ts';
import type { ValueLimit } from '../locks/table-limits.ts';
import { boundProps } from '../table/bound-props.ts';
import { outcomeSpec, paramFields, withOutcomeType, type ParamField } from '../../graph/outcome-params.ts';
import type { NodeDataByKind } from '../../graph/rules-graph-model.ts';

type Outcome = NodeDataByKind['outcome'];

function ParamInput({ field, value, limit, onChange }: { field: ParamField; value: unknown; limit: ValueLimit | undefined; onChange: (value: unknown) => void }) {
  const common = { label: humanize(field.name), 'data-testid': `inspector-param-${field.name}` };
  if (field.kind === 'number') {
    return <NumberInput {...common} {...boundProps(limit)} allowDecimal={!field.integer} value={typeof value === 'number' ? value : ''} onChange={onChange} />;
  }
  if (field.kind === 'enum') {
    return <Select {...common} data={field.options.map((o) => ({ value: o, label: humanize(o) }))} value={typeof value === 'string' ? value : null} onChange={onChange} allowDeselect={false} />;
  }
  return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
}

interface OutcomeFieldsProps {
  dp: DecisionPointId;
  data: Outcome;
  onChange: (data: Outcome, field: string) => void;
  /** Why the outcome's type stays, when its rule keeps its shape for this editor. */
  locked: string | null;
  /** A bounded parameter's bound, by its name. */
  limitOf: (param: string) => ValueLimit | undefined;
}

/** Only the outcomes the decision point accepts, each with its own parameters. */
export function OutcomeFields({ dp, data, onChange, locked, limitOf }: OutcomeFieldsProps) {
  const spec = outcomeSpec(dp, data.type);
  return (
    <Stack gap="sm">
      <Select
        label="Outcome"
        data-testid="inspector-outcome-type"
        disabled={locked !== null}
        data={DECISION_POINT_SPECS[dp].outcomes.map((o) => ({ value: o.type, label: humanize(o.type) }))}
        value={spec ? data.type : null}
        onChange={(type) => type && onChange(withOutcomeType(dp, data, type), 'type')}
        allowDeselect={false}
        description={spec?.description ?? `“${data.type}” is not an outcome of this decision point: pick one.`}
      />
      {spec &&
        paramFields(spec).map((field) => (
          <ParamInput key={field.name} field={field} value={data.params[field.name]} limit={limitOf(field.name)} onChange={(value) => onChange({ ...data, params: { ...data.params, [field.name]: value } }, field.name)} />
        ))}
      {spec && paramFields(spec).length === 0 && (
        <Text size="xs" c="dimmed">
          This outcome takes no parameters.
        </Text>
      )}
    </Stack>
  );
}
