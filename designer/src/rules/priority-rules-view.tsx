import { Alert, Badge, Button, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeRolesFor } from '../../../domain/roles.ts';
import type { RulesetView } from '../../../domain/ruleset.ts';
import { ApiError } from '../api/api-error.ts';
import { getPriorityRuleset, listPriorityVersions } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { useSession } from '../session/use-session.ts';
import { RulesetCanvas } from './ruleset-canvas.tsx';
import { RulesetEditor } from './ruleset-editor.tsx';
import { RulesetLegend } from './ruleset-legend.tsx';
import { RulesetVersions } from './ruleset-versions.tsx';

export function PriorityRulesView() {
  const { can } = useSession();
  const ruleset = useResource('priority', getPriorityRuleset);
  const versions = useResource('priority-versions', listPriorityVersions);
  const [editing, setEditing] = useState(false);
  const [justPublished, setJustPublished] = useState<RulesetView | null>(null);
  // Until the reload lands, the version just published is newer than what was loaded before it.
  const view = justPublished && justPublished.version > (ruleset.data?.version ?? 0) ? justPublished : ruleset.data;
  const notPublished = ruleset.error instanceof ApiError && ruleset.error.status === 404;
  const mayPublish = can('rules.publish');

  const published = (next: RulesetView) => {
    setEditing(false);
    setJustPublished(next);
    ruleset.reload();
    versions.reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Priority rules</Title>
          <Text c="dimmed" size="sm">
            The rules that turn an order&apos;s facts into its effective priority. Shown here: the published version.
          </Text>
          {!mayPublish && (
            <Text size="sm" mt={4} data-testid="rules-readonly-note">
              Only {describeRolesFor('rules.publish')} can change these rules.
            </Text>
          )}
        </div>
        {mayPublish && view && !editing && (
          <Button
            data-testid="rules-edit"
            onClick={() => {
              setJustPublished(null);
              setEditing(true);
            }}
          >
            Edit rules
          </Button>
        )}
      </Group>
      {justPublished && (
        <Alert
          color="green"
          title={`Version ${justPublished.version} is published`}
          data-testid="rules-published"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setJustPublished(null)}
        >
          New priority decisions use it from now on; the version before it is retired. The canvas below shows it.
        </Alert>
      )}
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
          description="Until one is published, orders keep their stated priority and are not scored."
        />
      )}
      {ruleset.error && !notPublished && (
        <LoadError title="The priority rules could not be loaded" error={ruleset.error} onRetry={ruleset.reload} />
      )}
      {view && editing && <RulesetEditor base={view} onCancel={() => setEditing(false)} onPublished={published} />}
      {view && !editing && (
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
      <RulesetVersions versions={versions} />
    </Stack>
  );
}
