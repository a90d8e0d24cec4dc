import { SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { DECISION_POINT_SPECS } from '../../../../domain/decision-points.ts';
import { RANK_EXPRESSION_MAX, type RankBy } from '../../../../domain/ruleset.ts';
import type { CanvasProblem } from '../../graph/graph-problems.ts';
import type { RulesetHeader } from '../../graph/rules-graph-model.ts';

/** What a fresh rank by starts as: workload control's pool sequencing. */
const FIRST_RANK_BY: RankBy = { expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' };

/** Priority rulesets: rank the pool by a fact or a small expression, the rules' points breaking ties or adjusting it. */
export function RankByFields({ header, problems, onChange }: { header: RulesetHeader; problems: readonly CanvasProblem[]; onChange: (rankBy: RankBy | undefined) => void }) {
  const { rankBy } = header;
  const rankable = DECISION_POINT_SPECS[header.decisionPoint].facts.filter((f) => f.type === 'number' || f.type === 'date');
  const errorAt = (path: string) => problems.filter((p) => p.path === path).map((p) => p.message).join('; ') || undefined;
  return (
    <Stack gap="xs" data-testid="rank-by-fields">
      <Switch
        label="Rank the pool by a value"
        description="Instead of by points alone: sort by a fact or a small expression of facts."
        data-testid="rank-by-on"
        checked={rankBy !== undefined}
        onChange={(e) => onChange(e.currentTarget.checked ? FIRST_RANK_BY : undefined)}
      />
      {rankBy && (
        <>
          <Select
            label="Fact"
            data-testid="rank-by-fact"
            placeholder="Pick a fact to rank by"
            data={rankable.map((f) => ({ value: f.name, label: `${f.label ?? f.name} (${f.unit ?? f.type})` }))}
            value={rankable.some((f) => f.name === rankBy.expression) ? rankBy.expression : null}
            onChange={(fact) => fact && onChange({ ...rankBy, expression: fact })}
            searchable
            allowDeselect={false}
          />
          <TextInput
            label="Rank by"
            data-testid="rank-by-expression"
            description="A number fact, numbers, + − * / and parentheses (plannedReleaseSlackHours - 2 * routingHours), or one date fact alone."
            maxLength={RANK_EXPRESSION_MAX}
            value={rankBy.expression}
            error={errorAt('rankBy.expression') ?? errorAt('rankBy')}
            // Mantine's error red is 3.5:1 on white; the darkest red reads at 4.5:1 and more.
            styles={{ input: { color: 'var(--mantine-color-text)' }, error: { color: 'var(--mantine-color-red-9)' } }}
            onChange={(e) => onChange({ ...rankBy, expression: e.currentTarget.value })}
          />
          <SegmentedControl
            data-testid="rank-by-direction"
            aria-label="Order"
            size="xs"
            fullWidth
            data={[
              { value: 'ascending', label: 'Lowest / earliest first' },
              { value: 'descending', label: 'Highest / latest first' },
            ]}
            value={rankBy.direction}
            onChange={(direction) => onChange({ ...rankBy, direction: direction as RankBy['direction'] })}
          />
          <SegmentedControl
            data-testid="rank-by-points"
            aria-label="What the points do"
            size="xs"
            fullWidth
            data={[
              { value: 'tie_breaker', label: 'Points break ties' },
              { value: 'adjustment', label: 'Points adjust' },
            ]}
            value={rankBy.points}
            onChange={(points) => onChange({ ...rankBy, points: points as RankBy['points'] })}
          />
          <Text size="xs" c="dimmed">
            {rankBy.points === 'tie_breaker'
              ? 'Among orders with the same value, the one with more points goes first.'
              : 'Each point moves an order one unit of the value toward the front, a negative point one unit toward the back: one hour for a date or an hours fact.'}{' '}
            An order without the value (e.g. without a routing) ranks after those with one.
          </Text>
        </>
      )}
    </Stack>
  );
}
