import { Badge, Group, Loader, Table, Text, Title } from '@mantine/core';
import type { RulesetVersionSummary } from '../../../domain/ruleset.ts';
import { LoadError } from '../api/load-error.tsx';
import type { Resource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';

const STATUS_COLORS = { scheduled: 'blue', published: 'green', retired: 'gray', draft: 'yellow' } as const;

/** Who published which version, when and why: the answer to "why did the scores change on Tuesday?". */
export function RulesetVersions({ versions }: { versions: Resource<RulesetVersionSummary[]> }) {
  return (
    <section>
      <Group gap="xs" mb="xs">
        <Title order={3}>Version history</Title>
        {versions.loading && <Loader size="xs" />}
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
                <Table.Td>{version.publishedAt ? formatDateTime(version.publishedAt) : '—'}</Table.Td>
                <Table.Td>{version.author}</Table.Td>
                <Table.Td>{version.note ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
