import { Alert, Text } from '@mantine/core';
import type { RulesetHeader } from '../graph/rules-graph-model.ts';
import { describeRankBy } from '../../../rules/rank-by.ts';

/** Over the canvas of a rank-by ruleset: how every pool is ranked, before the rules' points. */
export function RankByBanner({ ruleset, onSelect }: { ruleset: RulesetHeader; onSelect?: () => void }) {
  if (!ruleset.rankBy) return null;
  return (
    <Alert color="violet" p="xs" data-testid="rank-by-summary" onClick={onSelect} style={onSelect ? { cursor: 'pointer' } : undefined} title={onSelect ? 'Edit the rank by in the inspector' : undefined}>
      <Text size="sm">{describeRankBy({ ...ruleset, rules: [] })}</Text>
    </Alert>
  );
}
