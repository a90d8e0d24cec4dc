import { Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { getOperatingMeasures, listReleaseGroups } from '../api/areas-client.ts';
import { listWorkAreas, WORK_AREAS_KEY } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useOrderEvents } from '../api/order-event-stream.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { AreaForm } from './area-form.tsx';
import { AreaReleaseSettings } from './area-release-settings.tsx';
import { AreaResources } from './area-resources.tsx';
import { AreaStatusControl } from './area-status-control.tsx';
import { AreaCycles } from './area-cycles.tsx';
import { MeasuresTable } from './measures-table.tsx';
import { QueueBalance } from './queue-balance.tsx';
import { describePeriod, ReleaseGroupsPanel } from './release-groups-panel.tsx';

/** A burst of transitions (a release cycle moves many orders) becomes one reload. */
const REFRESH_DEBOUNCE_MS = 500;

/** The floor at a glance: every area against its limits, how evenly work is spread, and why an area's pool waits. */
export function AreasView() {
  const measures = useResource('measures', getOperatingMeasures);
  const workAreas = useResource(WORK_AREAS_KEY, listWorkAreas);
  const groups = useResource('release-groups', listReleaseGroups);
  const session = useSession();
  const canEdit = session.can('workAreas.manage');
  const canSetStatus = session.can('workAreas.status');
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const refresh = useDebouncedCallback(() => {
    measures.reload();
    setRefreshes((n) => n + 1);
  }, REFRESH_DEBOUNCE_MS);
  useOrderEvents(() => refresh());
  const names = useMemo(() => new Map((workAreas.data ?? []).map((a) => [a.id, a.name])), [workAreas.data]);
  const selectedArea = workAreas.data?.find((a) => a.id === selected);
  const afterChange = () => {
    workAreas.reload();
    groups.reload();
    measures.reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Work areas</Title>
          <Text c="dimmed" size="sm">
            What each area holds against its WIP limit and workload norm, live. Click an area to see its last release cycles and why
            its waiting orders wait.
          </Text>
        </div>
        <Group gap="sm">
          {measures.loading && measures.data && <Loader size="sm" role="status" aria-label="Refreshing" />}
          {canEdit && (
            <Button data-testid="area-new" onClick={() => setForm('new')}>
              New work area
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={form !== null} onClose={() => setForm(null)} title={form === 'new' ? 'New work area' : `Edit ${selectedArea?.name ?? ''}`} size="xl">
        {form !== null && (
          <AreaForm
            area={form === 'edit' ? selectedArea : undefined}
            onCancel={() => setForm(null)}
            onSaved={(area) => {
              setForm(null);
              setSelected(area.id);
              afterChange();
            }}
          />
        )}
      </Modal>
      {measures.error && <LoadError title="The operating measures could not be loaded" error={measures.error} onRetry={measures.reload} />}
      {!measures.data && measures.loading && <Loader size="sm" />}
      {measures.data && (
        <>
          <QueueBalance balance={measures.data.queueBalance} />
          <MeasuresTable areas={measures.data.areas} names={names} selected={selected} onSelect={setSelected} />
        </>
      )}
      {selected && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{names.get(selected) ?? selected}</Title>
            {canEdit && selectedArea && (
              <Button variant="light" size="xs" data-testid="area-edit" onClick={() => setForm('edit')}>
                Edit area
              </Button>
            )}
          </Group>
          {selectedArea && <AreaStatusControl area={selectedArea} canChange={canSetStatus} onChanged={afterChange} />}
          {selectedArea && (
            <Text size="sm" mb="sm" data-testid="area-release-summary">
              WIP limit: {selectedArea.capacity.wipLimit === null ? 'none' : `${selectedArea.capacity.wipLimit} ${selectedArea.capacity.unit}`}; releases {describePeriod(selectedArea.releasePeriod)}.
            </Text>
          )}
          {canEdit && selectedArea && <AreaReleaseSettings key={selectedArea.id} area={selectedArea} onSaved={afterChange} />}
          <AreaResources key={selected} workAreaId={selected} canManage={canEdit} canSetAvailability={canSetStatus} />
          <Title order={5} mt="md" mb="xs">
            Release cycles
          </Title>
          <AreaCycles workAreaId={selected} refreshKey={refreshes} />
        </Paper>
      )}
      {groups.error && <LoadError title="The release groups could not be loaded" error={groups.error} onRetry={groups.reload} />}
      {groups.data && workAreas.data && <ReleaseGroupsPanel groups={groups.data} areas={workAreas.data} canEdit={canEdit} onChanged={afterChange} />}
    </Stack>
  );
}
