import { NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { FormFooter } from '../common/form-footer.tsx';
import { useState } from 'react';
import { CARRIER_TYPES, newResource, RESOURCE_KINDS, resourceSettings, type Resource } from '../../../domain/resource.ts';
import { createResource, updateResource } from '../api/areas-client.ts';
import { humanize } from '../format/labels.ts';
import { useCheckedSubmit } from '../validation/use-checked-submit.ts';

/** A driver, team or line of an area, new (with no `resource`) or changed; availability has its own switch with a reason. */
export function ResourceForm({ workAreaId, resource, onSaved, onCancel }: { workAreaId: string; resource?: Resource; onSaved: (r: Resource) => void; onCancel: () => void }) {
  const creating = resource === undefined;
  const [draft, setDraft] = useState<Omit<Resource, 'workAreaId'>>(resource ?? { id: '', name: '', kind: 'driver', zone: null, skills: [], capacity: 1, available: true, carrierType: 'internal' });
  const { errors, failure, pending, submit } = useCheckedSubmit(
    creating ? newResource : resourceSettings,
    (values) => (creating ? createResource(workAreaId, values as Resource) : updateResource(resource.id, values)),
    onSaved,
  );
  const set = (patch: Partial<Resource>) => setDraft((d) => ({ ...d, ...patch }));
  const { id, ...settings } = draft;

  return (
    <form data-testid="resource-form" noValidate onSubmit={(event) => void submit(event, creating ? draft : settings)}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          {creating && <TextInput data-testid="resource-form-id" label="Id" description="Fixed once added, e.g. driver-ana" required value={id} onChange={(e) => set({ id: e.currentTarget.value })} error={errors.id} />}
          <TextInput data-testid="resource-form-name" label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} />
          <Select data-testid="resource-form-kind" label="Kind" allowDeselect={false} data={RESOURCE_KINDS.map((k) => ({ value: k, label: humanize(k) }))} value={draft.kind} onChange={(v) => v && set({ kind: v as Resource['kind'] })} />
          <TextInput data-testid="resource-form-zone" label="Zone" description="Empty: any zone" value={draft.zone ?? ''} onChange={(e) => set({ zone: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value })} error={errors.zone} />
          <NumberInput data-testid="resource-form-capacity" label="Capacity (orders at once)" min={1} max={10_000} value={draft.capacity} onChange={(v) => set({ capacity: typeof v === 'number' ? v : 0 })} error={errors.capacity} />
          <Select
            data-testid="resource-form-carrier"
            label="Carrier type"
            allowDeselect={false}
            data={CARRIER_TYPES.map((c) => ({ value: c, label: humanize(c) }))}
            value={draft.carrierType}
            onChange={(v) => v && set({ carrierType: v as Resource['carrierType'] })}
          />
        </SimpleGrid>
        <TagsInput data-testid="resource-form-skills" label="Skills" description="Press Enter after each" value={draft.skills} onChange={(skills) => set({ skills })} error={errors.skills} />
        <FormFooter failure={failure} failureTitle={creating ? 'The resource was not added' : 'The resource was not changed'} testId="resource-form" submitLabel={creating ? 'Add resource' : 'Save'} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
