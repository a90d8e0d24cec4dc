import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { GroupOperator } from '../../graph/rules-graph-model.ts';
import { GROUP_STYLE } from '../nodes/group-node.tsx';

export function GroupFields({ operator, onChange, locked }: { operator: GroupOperator; onChange: (operator: GroupOperator) => void; locked: string | null }) {
  return (
    <Stack gap="sm">
      <SegmentedControl
        data-testid="inspector-group-operator"
        data={[
          { value: 'all', label: 'ALL' },
          { value: 'any', label: 'ANY' },
          { value: 'not', label: 'NOT' },
        ]}
        value={operator}
        disabled={locked !== null}
        onChange={(value) => onChange(value as GroupOperator)}
      />
      <Text size="sm">{GROUP_STYLE[operator].help}.</Text>
    </Stack>
  );
}
