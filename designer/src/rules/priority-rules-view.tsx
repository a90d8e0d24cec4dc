import { Badge, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiError, getPriorityRuleset } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { RulesetCanvas } from './ruleset-canvas.tsx';
import { RulesetLegend } from './ruleset-legend.tsx';

export function PriorityRulesView() {
  const ruleset = useResource('priority', getPriorityRuleset);
  const view = ruleset.data;
  const notPublished = ruleset.error instanceof ApiError && ruleset.error.status === 404;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Priority rules</Title>
        <Text c="dimmed" size="sm">
          The rules that turn an order&apos;s facts into its effective priority. This is the published version, shown
          read-only.
        </Text>
      </div>
      {!view && ruleset.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading the priority rules…</Text>
        </Group>
      )}
      {notPublished && (
        <EmptyState
          py="xl"
          title="No priority ruleset is published"
          description="Until one is published, orders keep their stated priority and are not scored. Publish a priority ruleset to see it here."
        />
      )}
      {ruleset.error && !notPublished && (
        <LoadError title="The priority rules could not be loaded" error={ruleset.error} onRetry={ruleset.reload} />
      )}
      {view && (
        <>
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
              · {view.definition.rules.length} {view.definition.rules.length === 1 ? 'rule' : 'rules'}
            </Text>
          </Group>
          <RulesetLegend />
          <RulesetCanvas definition={view.definition} />
        </>
      )}
    </Stack>
  );
}
