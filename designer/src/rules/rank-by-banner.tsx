import { Alert, Button, Group, Text } from '@mantine/core';
import type { RulesetHeader } from '../graph/rules-graph-model.ts';
import { describeRankBy } from '../../../rules/rank-by.ts';

/** Over the canvas of a rank-by ruleset: how every pool is ranked, before the rules' points; while editing, a way to its control. */
export function RankByBanner({ ruleset, onEdit }: { ruleset: RulesetHeader; onEdit?: () => void }) {
  if (!ruleset.rankBy) return null;
  return (
    <Alert color="violet" p="xs" data-testid="rank-by-summary">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{describeRankBy({ ...ruleset, rules: [] })}</Text>
        {onEdit && (
          <Button size="compact-xs" variant="subtle" color="violet" data-testid="rank-by-edit" onClick={onEdit}>
            Edit the rank by
          </Button>
        )}
      </Group>
    </Alert>
  );
}
