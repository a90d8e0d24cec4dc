import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DECISION_POINT_SPECS } from '../../../../domain/decision-points.ts';
import { rulesetDefinition } from '../../../../domain/ruleset.ts';
import type { CanvasProblem } from '../../graph/graph-problems.ts';
import type { RulesetHeader } from '../../graph/rules-graph-model.ts';
import { maxLengthOf } from '../../validation/limits.ts';
import { fallbackText } from '../ruleset-legend.tsx';
import { RankByFields } from './rank-by-fields.tsx';

type Editable = Partial<Pick<RulesetHeader, 'name' | 'description' | 'rankBy'>>;

/** With nothing selected: the ruleset itself, how its decision point combines the rules, and a priority ruleset's rank by. */
export function RulesetFields({ header, problems, onChange, locked }: { header: RulesetHeader; problems: readonly CanvasProblem[]; onChange: (header: Editable, field: string) => void; locked: boolean }) {
  const spec = DECISION_POINT_SPECS[header.decisionPoint];
  return (
    <Stack gap="sm">
      <TextInput label="Ruleset name" data-testid="inspector-ruleset-name" disabled={locked} value={header.name} maxLength={maxLengthOf(rulesetDefinition.shape.name)} onChange={(e) => onChange({ ...header, name: e.currentTarget.value }, 'name')} />
      <Textarea
        label="Description"
        data-testid="inspector-ruleset-description"
        autosize
        minRows={2}
        maxRows={6}
        maxLength={maxLengthOf(rulesetDefinition.shape.description.unwrap())}
        value={header.description ?? ''}
        onChange={(e) => onChange({ ...header, description: e.currentTarget.value }, 'description')}
      />
      <Text size="xs" c="dimmed">
        {spec.consultedWhen} {header.hitPolicy === 'first' ? 'The first rule that holds, highest priority first, decides.' : 'Every rule that holds adds its points.'}
        {` When no rule holds: ${fallbackText(spec)}.`}
      </Text>
      {header.decisionPoint === 'priority' && !locked && <RankByFields header={header} problems={problems} onChange={(rankBy) => onChange({ rankBy }, 'rankBy')} />}
      <Text size="xs" c="dimmed">
        Select a node to edit it.
      </Text>
    </Stack>
  );
}
