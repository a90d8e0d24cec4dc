import { Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { getOperatingMeasures, listReleaseGroups } from '../api/areas-client.ts';
import { listWorkAreas } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useOrderEvents } from '../api/order-event-stream.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { AreaReleaseSettings } from './area-release-settings.tsx';
import { AreaCycles } from './area-cycles.tsx';
import { MeasuresTable } from './measures-table.tsx';
import { QueueBalance } from './queue-balance.tsx';
import { describePeriod, ReleaseGroupsPanel } from './release-groups-panel.tsx';

/** A burst of transitions (a release cycle moves many orders) becomes one reload. */
const REFRESH_DEBOUNCE_MS = 500;

/** The floor at a glance: every area against its limits, how evenly work is spread, and why an area's pool waits. */
export function AreasView() {
  const measures = useResource('measures', getOperatingMeasures);
  const workAreas = useResource('work-areas', listWorkAreas);
  const groups = useResource('release-groups', listReleaseGroups);
  const canEdit = useSession().can('workAreas.manage');
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
        {measures.loading && measures.data && <Loader size="sm" role="status" aria-label="Refreshing" />}
      </Group>
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
          <Title order={4} mb="sm">
            Release cycles of {names.get(selected) ?? selected}
          </Title>
          {selectedArea && (
            <Text size="sm" mb="sm" data-testid="area-release-summary">
              WIP limit: {selectedArea.capacity.wipLimit === null ? 'none' : `${selectedArea.capacity.wipLimit} ${selectedArea.capacity.unit}`}; releases {describePeriod(selectedArea.releasePeriod)}.
            </Text>
          )}
          {canEdit && selectedArea && <AreaReleaseSettings key={selectedArea.id} area={selectedArea} onSaved={afterChange} />}
          <AreaCycles workAreaId={selected} refreshKey={refreshes} />
        </Paper>
      )}
      {groups.error && <LoadError title="The release groups could not be loaded" error={groups.error} onRetry={groups.reload} />}
      {groups.data && workAreas.data && <ReleaseGroupsPanel groups={groups.data} areas={workAreas.data} canEdit={canEdit} onChanged={afterChange} />}
    </Stack>
  );
}
