import { Badge, Button, Group, Loader, Table, Text, Title } from '@mantine/core';
import type { RulesetVersionSummary } from '../../../domain/ruleset.ts';
import { LoadError } from '../api/load-error.tsx';
import type { Resource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { formatCalendarDateTime, formatDateTime } from '../format/time.ts';

const STATUS_COLORS = { scheduled: 'blue', published: 'green', retired: 'gray', draft: 'yellow' } as const;

interface RulesetVersionsProps {
  versions: Resource<RulesetVersionSummary[]>;
  /** Ops managers may roll back. */
  mayPublish: boolean;
  /** Compare from this version, or from the default when none is given. */
  onCompare: (from?: number) => void;
  onRollBack: (version: number) => void;
}

function VersionActions({ version, mayPublish, onCompare, onRollBack }: Omit<RulesetVersionsProps, 'versions'> & { version: RulesetVersionSummary }) {
  if (version.status === 'draft') return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" data-testid={`ruleset-compare-${version.version}`} onClick={() => onCompare(version.version)}>
        Compare
      </Button>
      {mayPublish && version.status === 'retired' && (
        <Button size="compact-xs" variant="subtle" color="orange" data-testid={`ruleset-rollback-${version.version}`} onClick={() => onRollBack(version.version)}>
          Roll back to this version
        </Button>
      )}
    </Group>
  );
}

/** Who published which version, when and why: the answer to "why did the scores change on Tuesday?". */
export function RulesetVersions({ versions, ...actions }: RulesetVersionsProps) {
  return (
    <section>
      <Group gap="xs" mb="xs" justify="space-between">
        <Group gap="xs">
          <Title order={3}>Version history</Title>
          {versions.loading && <Loader size="xs" />}
        </Group>
        {versions.data && versions.data.length > 1 && (
          <Button size="xs" variant="light" data-testid="ruleset-compare" onClick={() => actions.onCompare()}>
            Compare versions…
          </Button>
        )}
      </Group>
      {versions.error && (
        <LoadError title="The version history could not be loaded" error={versions.error} onRetry={versions.reload} />
      )}
      {versions.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No versions yet.
        </Text>
      )}
      {versions.data && versions.data.length > 0 && (
        <Table data-testid="ruleset-versions" withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>What changed and why</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((version) => (
              // A draft takes the next number only when published, so it is not named by it.
              <Table.Tr key={version.version} data-testid={version.status === 'draft' ? 'ruleset-draft' : `ruleset-version-${version.version}`}>
                <Table.Td fw={600}>{version.version}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[version.status]}>
                    {humanize(version.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {version.publishedAt ? formatDateTime(version.publishedAt) : '—'}
                  {version.effectiveFrom && (
                    <Text size="xs" data-testid="ruleset-effective-from">
                      {version.status === 'scheduled' ? 'takes effect at' : 'took effect at'} {formatCalendarDateTime(version.effectiveFrom)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{version.author}</Table.Td>
                <Table.Td>{version.note ?? '—'}</Table.Td>
                <Table.Td>
                  <VersionActions version={version} {...actions} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
