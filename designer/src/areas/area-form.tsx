import { Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { FormFooter } from '../common/form-footer.tsx';
import { useState } from 'react';
import { CONTINUOUS, LOAD_CORRECTIONS, newWorkArea, WEEKDAYS, WORK_AREA_KINDS, workAreaSettings, type WorkArea } from '../../../domain/work-area.ts';
import { createWorkArea, updateWorkArea } from '../api/areas-client.ts';
import { humanize } from '../format/labels.ts';
import { useCheckedSubmit } from '../validation/use-checked-submit.ts';
import { ReleasePeriodInput } from './release-period-input.tsx';
import { calendarOf, formatExceptions, shiftErrors, weeklyText } from './shift-text.ts';

const BLANK: WorkArea = {
  id: '',
  name: '',
  kind: 'pick_zone',
  zone: null,
  warehouse: null,
  timeZone: 'UTC',
  status: 'open',
  capacity: { unit: 'orders', wipLimit: 10, workloadNormHours: null, loadCorrection: 'position', starvationRelease: false },
  shiftCalendar: null,
  plannedLeadTimeHours: 0,
  releasePeriod: CONTINUOUS,
};

const orNull = (text: string) => (text.trim() === '' ? null : text);
const numberOrNull = (v: string | number) => (typeof v === 'number' ? v : null);

/** Everything an admin or ops manager sets on an area; with no `area`, a new one (its id is fixed once made). */
export function AreaForm({ area, onSaved, onCancel }: { area?: WorkArea; onSaved: (area: WorkArea) => void; onCancel: () => void }) {
  const creating = area === undefined;
  const [draft, setDraft] = useState<WorkArea>(area ?? BLANK);
  const [weekly, setWeekly] = useState(weeklyText(draft.shiftCalendar));
  const [exceptions, setExceptions] = useState(formatExceptions(draft.shiftCalendar?.exceptions ?? []));
  const [tried, setTried] = useState(false);
  const { errors, failure, pending, submit } = useCheckedSubmit(
    creating ? newWorkArea : workAreaSettings,
    (values) => (creating ? createWorkArea(values as WorkArea) : updateWorkArea(area.id, values)),
    onSaved,
  );
  const set = (patch: Partial<WorkArea>) => setDraft((d) => ({ ...d, ...patch }));
  const setCapacity = (patch: Partial<WorkArea['capacity']>) => setDraft((d) => ({ ...d, capacity: { ...d.capacity, ...patch } }));
  const { id, ...settings } = draft;
  const calendar = calendarOf(weekly, exceptions);
  const values = { ...(creating ? { id } : {}), ...settings, shiftCalendar: calendar };
  const shift = tried ? shiftErrors(calendar) : {};

  return (
    <form
      data-testid="area-form"
      noValidate
      onSubmit={(event) => {
        setTried(true);
        void submit(event, values);
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          {creating && <TextInput data-testid="area-form-id" label="Id" description="Fixed once created, e.g. pick-b" required value={id} onChange={(e) => set({ id: e.currentTarget.value })} error={errors.id} />}
          <TextInput data-testid="area-form-name" label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} />
          <Select
            data-testid="area-form-kind"
            label="Kind"
            allowDeselect={false}
            data={WORK_AREA_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
            value={draft.kind}
            onChange={(v) => v && set({ kind: v as WorkArea['kind'] })}
            error={errors.kind}
          />
          <TextInput data-testid="area-form-zone" label="Zone" description="Empty: any zone" value={draft.zone ?? ''} onChange={(e) => set({ zone: orNull(e.currentTarget.value) })} error={errors.zone} />
          <TextInput data-testid="area-form-warehouse" label="Warehouse" description="Empty: serves every site" value={draft.warehouse ?? ''} onChange={(e) => set({ warehouse: orNull(e.currentTarget.value) })} error={errors.warehouse} />
          <TextInput data-testid="area-form-time-zone" label="Time zone" description="IANA, e.g. Europe/Amsterdam" value={draft.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })} error={errors.timeZone} />
        </SimpleGrid>
        <Text fw={500} size="sm">
          Capacity and norms
        </Text>
        <SimpleGrid cols={2}>
          <Select
            data-testid="area-form-unit"
            label="The WIP limit counts"
            allowDeselect={false}
            data={[
              { value: 'orders', label: 'Orders' },
              { value: 'units', label: 'Units (line quantities)' },
            ]}
            value={draft.capacity.unit}
            onChange={(v) => v && setCapacity({ unit: v as 'orders' | 'units' })}
          />
          <Group align="flex-end" wrap="nowrap">
            <Switch label="WIP limit" data-testid="area-form-has-limit" checked={draft.capacity.wipLimit !== null} onChange={(e) => setCapacity({ wipLimit: e.currentTarget.checked ? 10 : null })} />
            {draft.capacity.wipLimit !== null && (
              <NumberInput data-testid="area-form-limit" label="Limit" min={1} max={1_000_000} value={draft.capacity.wipLimit} onChange={(v) => setCapacity({ wipLimit: numberOrNull(v) ?? 0 })} error={errors.capacity} />
            )}
          </Group>
          <NumberInput
            data-testid="area-form-norm"
            label="Workload norm (hours)"
            description="Empty: no norm"
            min={0}
            value={draft.capacity.workloadNormHours ?? ''}
            onChange={(v) => setCapacity({ workloadNormHours: numberOrNull(v) })}
          />
          <Select
            data-testid="area-form-correction"
            label="Load counts as"
            allowDeselect={false}
            data={LOAD_CORRECTIONS.map((c) => ({ value: c, label: c === 'plain' ? 'Plain hours' : 'Hours ÷ position in the routing' }))}
            value={draft.capacity.loadCorrection}
            onChange={(v) => v && setCapacity({ loadCorrection: v as WorkArea['capacity']['loadCorrection'] })}
          />
          <NumberInput
            data-testid="area-form-lead-time"
            label="Planned lead time (hours)"
            min={0}
            value={draft.plannedLeadTimeHours}
            onChange={(v) => set({ plannedLeadTimeHours: typeof v === 'number' ? v : 0 })}
            error={errors.plannedLeadTimeHours}
          />
          <Switch
            mt="lg"
            data-testid="area-form-starvation"
            label="Starvation release: with nothing in process, take the best order only the norms hold back"
            checked={draft.capacity.starvationRelease}
            onChange={(e) => setCapacity({ starvationRelease: e.currentTarget.checked })}
          />
        </SimpleGrid>
        <ReleasePeriodInput testId="area-form-period" value={draft.releasePeriod} onChange={(releasePeriod) => set({ releasePeriod })} timeZone={draft.timeZone} error={errors.releasePeriod} />
        <Text fw={500} size="sm">
          Shifts, in the area&apos;s time zone
        </Text>
        <Text size="xs" c="dimmed">
          Hours per day as 06:00-14:00, 14:00-22:00; a day left empty is closed. All days empty and no exception: always open.
        </Text>
        <SimpleGrid cols={4}>
          {WEEKDAYS.map((day) => (
            <TextInput
              key={day}
              data-testid={`area-form-shift-${day}`}
              label={humanize(day)}
              value={weekly[day]}
              onChange={(e) => setWeekly({ ...weekly, [day]: e.currentTarget.value })}
              error={shift[day]}
            />
          ))}
        </SimpleGrid>
        <Textarea
          data-testid="area-form-exceptions"
          label="Exceptions"
          description="One a line: a date and its hours (2030-12-24 06:00-12:00), or a date alone for a closed day"
          autosize
          minRows={2}
          value={exceptions}
          onChange={(e) => setExceptions(e.currentTarget.value)}
          error={shift.exceptions}
        />
        <FormFooter failure={failure} failureTitle={creating ? 'The area was not created' : 'The area was not changed'} testId="area-form" submitLabel={creating ? 'Create area' : 'Save'} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
