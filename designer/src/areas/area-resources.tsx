import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Resource } from '../../../domain/resource.ts';
import { listAreaResources, setResourceAvailability } from '../api/areas-client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { ResourceForm } from './resource-form.tsx';

interface AreaResourcesProps {
  workAreaId: string;
  /** Add and change resources (admins, ops managers). */
  canManage: boolean;
  /** Mark them available or not (dispatchers too). */
  canSetAvailability: boolean;
}

/** Who works in an area: its drivers, teams and lines, with what assignment weighs (zone, skills, capacity, carrier). */
export function AreaResources({ workAreaId, canManage, canSetAvailability }: AreaResourcesProps) {
  const resources = useResource(`resources:${workAreaId}`, (signal) => listAreaResources(workAreaId, signal));
  const [editing, setEditing] = useState<{ resource?: Resource } | null>(null);
  const [availability, setAvailability] = useState<Resource | null>(null);
  const saved = () => {
    setEditing(null);
    setAvailability(null);
    resources.reload();
  };

  return (
    <Stack gap="xs" data-testid="area-resources">
      <Group justify="space-between">
        <Title order={5}>Resources</Title>
        {canManage && (
          <Button size="xs" variant="light" data-testid="resource-new" onClick={() => setEditing({})}>
            Add resource
          </Button>
        )}
      </Group>
      {resources.error && <LoadError title="The resources could not be loaded" error={resources.error} onRetry={resources.reload} />}
      {resources.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No resources: assignment has no one to give this area&apos;s orders to.
        </Text>
      )}
      {resources.data && resources.data.length > 0 && (
        <Table verticalSpacing="xs" data-testid="resources-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Zone</Table.Th>
              <Table.Th>Skills</Table.Th>
              <Table.Th>Capacity</Table.Th>
              <Table.Th>Carrier</Table.Th>
              <Table.Th>Availability</Table.Th>
              {(canManage || canSetAvailability) && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {resources.data.map((r) => (
              <Table.Tr key={r.id} data-testid={`resource-row-${r.id}`}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{humanize(r.kind)}</Table.Td>
                <Table.Td>{r.zone ?? 'any'}</Table.Td>
                <Table.Td>{r.skills.length > 0 ? r.skills.join(', ') : '—'}</Table.Td>
                <Table.Td>{r.capacity}</Table.Td>
                <Table.Td>{humanize(r.carrierType)}</Table.Td>
                <Table.Td>
                  <Badge color={r.available ? 'green' : 'gray'} variant="light">
                    {r.available ? 'available' : 'unavailable'}
                  </Badge>
                </Table.Td>
                {(canManage || canSetAvailability) && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {canManage && (
                        <Button size="compact-xs" variant="subtle" data-testid={`resource-edit-${r.id}`} aria-label={`Edit ${r.name}`} onClick={() => setEditing({ resource: r })}>
                          Edit
                        </Button>
                      )}
                      {canSetAvailability && (
                        <Button size="compact-xs" variant="subtle" data-testid={`resource-availability-${r.id}`} onClick={() => setAvailability(r)}>
                          {r.available ? 'Mark unavailable' : 'Mark available'}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.resource ? `Edit ${editing.resource.name}` : 'Add a resource'} size="lg">
        {editing && <ResourceForm workAreaId={workAreaId} resource={editing.resource} onSaved={saved} onCancel={() => setEditing(null)} />}
      </Modal>
      <Modal opened={availability !== null} onClose={() => setAvailability(null)} title={availability ? `${availability.name}: ${availability.available ? 'unavailable' : 'available again'}` : ''}>
        {availability && <AvailabilityForm resource={availability} onSaved={saved} onCancel={() => setAvailability(null)} />}
      </Modal>
    </Stack>
  );
}

function AvailabilityForm({ resource, onSaved, onCancel }: { resource: Resource; onSaved: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const send = async () => {
    if (reason.trim() === '') {
      setFailure('Say why: the reason goes into the area’s audit trail.');
      return;
    }
    setPending(true);
    try {
      await setResourceAvailability(resource.id, !resource.available, reason);
      onSaved();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="resource-availability-dialog">
      <Text size="sm">{resource.available ? 'An unavailable resource gets no new work.' : 'Assignment considers it again from now on.'}</Text>
      <Textarea data-testid="resource-availability-reason" label="Reason" required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      {failure && (
        <Alert color="red" title="Availability was not changed">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button loading={pending} data-testid="resource-availability-confirm" onClick={() => void send()}>
          {resource.available ? 'Mark unavailable' : 'Mark available'}
        </Button>
      </Group>
    </Stack>
  );
}
