import { NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import type { HitPolicy } from '../../../../domain/decision-points.ts';
import { rule } from '../../../../domain/ruleset.ts';
import type { NodeDataByKind } from '../../graph/rules-graph-model.ts';
import { maxLengthOf, maxValueOf } from '../../validation/limits.ts';

type RuleData = NodeDataByKind['rule'];

const PRIORITY_HELP: Record<HitPolicy, string> = {
  first: 'Higher runs first; the first rule that holds decides.',
  collect: 'Higher runs first; every rule that holds contributes its outcome.',
  additive: 'Only orders the rules; every rule that holds adds its points.',
};

export function RuleFields({ data, hitPolicy, onChange, locked }: { data: RuleData; hitPolicy: HitPolicy; onChange: (data: RuleData, field: string) => void; locked: string | null }) {
  return (
    <Stack gap="sm">
      <TextInput label="Name" data-testid="inspector-rule-name" disabled={locked !== null} value={data.name} maxLength={maxLengthOf(rule.shape.name)} onChange={(e) => onChange({ ...data, name: e.currentTarget.value }, 'name')} />
      <Textarea
        label="What it is for"
        description="Plain language, for the people who read decisions."
        data-testid="inspector-rule-description"
        autosize
        minRows={2}
        maxLength={maxLengthOf(rule.shape.description)}
        value={data.description}
        onChange={(e) => onChange({ ...data, description: e.currentTarget.value }, 'description')}
      />
      <NumberInput
        label="Priority"
        description={PRIORITY_HELP[hitPolicy]}
        data-testid="inspector-rule-priority"
        disabled={locked !== null}
        min={1}
        max={maxValueOf(rule.shape.priority.unwrap())}
        allowDecimal={false}
        value={data.priority}
        onChange={(priority) => typeof priority === 'number' && onChange({ ...data, priority }, 'priority')}
      />
    </Stack>
  );
}
