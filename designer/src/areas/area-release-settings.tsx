import { Alert, Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { workAreaSettings, type WorkArea } from '../../../domain/work-area.ts';
import { updateWorkArea } from '../api/areas-client.ts';
import { useCheckedSubmit } from '../validation/use-checked-submit.ts';
import { ReleasePeriodInput } from './release-period-input.tsx';

/** An area's WIP limit (or none) and release period, as an ops manager or admin changes them. */
export function AreaReleaseSettings({ area, onSaved }: { area: WorkArea; onSaved: (area: WorkArea) => void }) {
  const [wipLimit, setWipLimit] = useState<number | null>(area.capacity.wipLimit);
  const [period, setPeriod] = useState(area.releasePeriod);
  const { errors, failure, pending, submit } = useCheckedSubmit(workAreaSettings, (settings) => updateWorkArea(area.id, settings), onSaved);
  const { id: _, ...settings } = area;
  const unbounded = wipLimit === null && area.capacity.workloadNormHours === null;

  return (
    <form data-testid="area-settings" noValidate onSubmit={(event) => void submit(event, { ...settings, capacity: { ...area.capacity, wipLimit }, releasePeriod: period })}>
      <Stack gap="sm">
        <Group align="flex-end">
          <Switch data-testid="area-settings-has-limit" label="WIP limit" checked={wipLimit !== null} onChange={(event) => setWipLimit(event.currentTarget.checked ? (area.capacity.wipLimit ?? 10) : null)} />
          {wipLimit !== null && (
            <NumberInput
              data-testid="area-settings-limit"
              label={`Limit (${area.capacity.unit})`}
              min={1}
              max={1_000_000}
              value={wipLimit}
              onChange={(v) => setWipLimit(typeof v === 'number' ? v : 1)}
              error={errors['capacity.wipLimit']}
            />
          )}
        </Group>
        {wipLimit === null && (
          <Text size="xs" c="dimmed">
            No WIP limit: {area.capacity.workloadNormHours === null ? 'nothing holds this area back but its rules.' : 'its workload norm alone governs.'}
          </Text>
        )}
        {unbounded && (
          <Alert color="orange" title="Nothing limits this area" data-testid="area-settings-unbounded">
            Without a WIP limit or a workload norm, the area releases every order its rules let go, at once.
          </Alert>
        )}
        <ReleasePeriodInput testId="area-settings-period" value={period} onChange={setPeriod} timeZone={area.timeZone} error={errors.releasePeriod} />
        {failure && (
          <Alert color="red" title="The area was not changed" data-testid="area-settings-error">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={pending} data-testid="area-settings-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
