import { Alert, Badge, Button, Group, MultiSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormFooter } from '../common/form-footer.tsx';
import { useState } from 'react';
import { newReleaseGroup, type ReleaseGroup } from '../../../domain/release-group.ts';
import { CONTINUOUS, type ReleasePeriod, type WorkArea } from '../../../domain/work-area.ts';
import { deleteReleaseGroup, saveReleaseGroup } from '../api/areas-client.ts';
import { useCheckedSubmit } from '../validation/use-checked-submit.ts';
import { ReleasePeriodInput } from './release-period-input.tsx';

const EMPTY: ReleaseGroup = { id: '', name: '', gatewayIds: [], timeZone: 'UTC', releasePeriod: CONTINUOUS };

export const describePeriod = (p: ReleasePeriod) =>
  p.mode === 'continuous' ? 'on every change' : p.everyMinutes !== null ? `every ${p.everyMinutes} min` : `at ${p.atTimes.join(', ')}`;

interface ReleaseGroupsPanelProps {
  groups: readonly ReleaseGroup[];
  areas: readonly WorkArea[];
  canEdit: boolean;
  onChanged: () => void;
}

/** Gateway areas ranked as one pool: the groups, and (for ops managers and admins) a form to make or change one. */
export function ReleaseGroupsPanel({ groups, areas, canEdit, onChanged }: ReleaseGroupsPanelProps) {
  const [editing, setEditing] = useState<{ group: ReleaseGroup; exists: boolean } | null>(null);
  const [deleteFailure, setDeleteFailure] = useState<string | null>(null);
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const remove = async (id: string) => {
    setDeleteFailure(null);
    try {
      await deleteReleaseGroup(id);
      onChanged();
    } catch (error) {
      setDeleteFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Paper withBorder p="md" data-testid="release-groups">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>Release groups</Title>
          <Text size="sm" c="dimmed">
            Gateways that share downstream norms rank one pool: the best order goes first whichever gateway it enters by.
          </Text>
        </div>
        {canEdit && !editing && (
          <Button variant="light" data-testid="release-group-new" onClick={() => setEditing({ group: EMPTY, exists: false })}>
            New group
          </Button>
        )}
      </Group>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No release groups: every area ranks its own pool.
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th>Gateways</Table.Th>
              <Table.Th>Release</Table.Th>
              {canEdit && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.id} data-testid={`release-group-${g.id}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {g.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {g.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {g.gatewayIds.map((id) => (
                    <Badge key={id} variant="light" mr={4}>
                      {names.get(id) ?? id}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{describePeriod(g.releasePeriod)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap="xs">
                      <Button size="xs" variant="subtle" onClick={() => setEditing({ group: g, exists: true })} aria-label={`Change ${g.name}`}>
                        Change
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => void remove(g.id)} aria-label={`Dissolve ${g.name}`}>
                        Dissolve
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {deleteFailure && (
        <Alert color="red" mt="sm" title="The group was not dissolved">
          {deleteFailure}
        </Alert>
      )}
      {editing && (
        <ReleaseGroupForm
          key={editing.group.id}
          initial={editing.group}
          exists={editing.exists}
          areas={areas}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

interface ReleaseGroupFormProps {
  initial: ReleaseGroup;
  exists: boolean;
  areas: readonly WorkArea[];
  onDone: () => void;
  onCancel: () => void;
}

function ReleaseGroupForm({ initial, exists, areas, onDone, onCancel }: ReleaseGroupFormProps) {
  const [group, setGroup] = useState(initial);
  const { errors, failure, pending, submit } = useCheckedSubmit(newReleaseGroup, (g) => saveReleaseGroup(g, exists), onDone);
  return (
    <form data-testid="release-group-form" noValidate onSubmit={(event) => void submit(event, group)}>
      <Stack gap="sm" mt="md">
        <Group grow align="flex-start">
          <TextInput data-testid="release-group-id" label="Id" disabled={exists} value={group.id} onChange={(e) => setGroup({ ...group, id: e.currentTarget.value })} error={errors.id} />
          <TextInput data-testid="release-group-name" label="Name" value={group.name} onChange={(e) => setGroup({ ...group, name: e.currentTarget.value })} error={errors.name} />
        </Group>
        <MultiSelect
          data-testid="release-group-gateways"
          label="Gateway areas"
          description="An area is a gateway of one group at most."
          data={areas.map((a) => ({ value: a.id, label: a.name }))}
          value={group.gatewayIds}
          onChange={(gatewayIds) => setGroup({ ...group, gatewayIds })}
          error={errors.gatewayIds}
          searchable
        />
        <ReleasePeriodInput testId="release-group-period" value={group.releasePeriod} onChange={(releasePeriod) => setGroup({ ...group, releasePeriod })} timeZone={group.timeZone} error={errors.releasePeriod} />
        <FormFooter failure={failure} failureTitle={'The group was not saved'} testId="release-group" submitLabel={exists ? 'Save group' : 'Create group'} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
