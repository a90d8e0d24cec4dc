import { Badge, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DECISION_POINT_SPECS } from '../../../domain/decision-points.ts';
import type { RulesetView } from '../../../domain/ruleset.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { openRuleset, useOpenTiming } from './open-timing.ts';
import { PathBanner } from './path-banner.tsx';
import { RulesCanvas } from './rules-canvas.tsx';
import { RankByBanner } from './rank-by-banner.tsx';
import { RulesetLegend } from './ruleset-legend.tsx';
import { DecisionTableView } from './table/decision-table-view.tsx';
import { TestPanel } from './test-panel/test-panel.tsx';
import { usePaintedPath } from './use-painted-path.ts';

/** The version in force on a read-only canvas; everyone who reads rules may test them here. */
export function PublishedRuleset({ view, mayPublish }: { view: RulesetView; mayPublish: boolean }) {
  const spec = DECISION_POINT_SPECS[view.decisionPoint];
  const opened = useMemo(() => openRuleset(view.definition), [view]);
  useOpenTiming(opened);
  const { graph, compiled } = opened;
  const path = usePaintedPath(compiled);
  const [testing, setTesting] = useState(false);
  const [asTable, setAsTable] = useState(false);
  const rules = view.definition.rules.length;

  return (
    <>
      <Group justify="space-between">
        <Group gap="sm" data-testid="ruleset-header">
          <Title order={3}>{view.name}</Title>
          <Badge variant="outline">version {view.version}</Badge>
          <Badge color={view.status === 'published' ? 'green' : 'gray'}>{humanize(view.status)}</Badge>
          {view.publishedAt && (
            <Text size="sm" c="dimmed">
              published {formatDateTime(view.publishedAt)}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            · {rules} {rules === 1 ? 'rule' : 'rules'}
          </Text>
        </Group>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Show the rules as"
            data-testid="rules-view-switch"
            data={[
              { value: 'canvas', label: 'Canvas' },
              { value: 'table', label: 'Table' },
            ]}
            value={asTable ? 'table' : 'canvas'}
            onChange={(value) => setAsTable(value === 'table')}
          />
          <Button variant="light" data-testid="rules-test" onClick={() => setTesting(true)} title="Run these rules on facts or real orders and see the path they take">
            Test
          </Button>
        </Group>
      </Group>
      <RulesetLegend spec={spec} hitPolicy={view.definition.hitPolicy} />
      <RankByBanner ruleset={view.definition} />
      <PathBanner path={path} />
      {asTable ? (
        <DecisionTableView dp={view.decisionPoint} graph={graph} onShowOnCanvas={() => setAsTable(false)} height="calc(100dvh - 360px)" />
      ) : (
        <RulesCanvas graph={graph} paint={path.paint} />
      )}
      <TestPanel
        opened={testing}
        onClose={() => setTesting(false)}
        dp={view.decisionPoint}
        definition={compiled.definition}
        runLabel="Run the rules in force"
        mayEdit={mayPublish}
        path={path}
      />
    </>
  );
}
