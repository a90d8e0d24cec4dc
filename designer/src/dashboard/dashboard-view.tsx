import { Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { TREND_BUCKETS, type TrendBucket, type Trends } from '../../../domain/trends.ts';
import { listWorkAreas, WORK_AREAS_KEY } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { request } from '../api/request.ts';
import { useResource } from '../api/use-resource.ts';
import { TrendChart } from './trend-chart.tsx';
import { histogramRows, linker, trendRows } from './trend-rows.ts';

const PERIODS = [
  { value: '3', label: 'Last 3 days' },
  { value: '7', label: 'Last 7 days' },
  { value: '28', label: 'Last 4 weeks' },
  { value: '91', label: 'Last 13 weeks' },
];
const BUCKET_LABELS: Record<TrendBucket, string> = { shift: 'Shift (8 h)', day: 'Day', week: 'Week' };
// Mantine's select takes no empty value: every site and every area are an option of their own.
const ALL = '*';

const dayBefore = (day: string, days: number) => new Date(Date.parse(day) - days * 86_400_000).toISOString().slice(0, 10);

/** The ops manager's trends: how release, balance, load and cycle time moved, shift by shift or day by day. */
export function DashboardView() {
  const [days, setDays] = useState('7');
  const [bucket, setBucket] = useState<TrendBucket>('day');
  const [site, setSite] = useState(ALL);
  const [areaId, setAreaId] = useState(ALL);
  const areas = useResource(WORK_AREAS_KEY, listWorkAreas);
  // Today as the person's calendar has it; the server cuts the days in the areas' own zone.
  const to = new Date().toLocaleDateString('en-CA');
  const query = new URLSearchParams({ from: dayBefore(to, Number(days) - 1), to, bucket, ...(site !== ALL ? { site } : {}), ...(areaId !== ALL ? { areaId } : {}) });
  const trends = useResource(`trends:${query}`, (signal) => request<Trends>(`/trends?${query}`, { signal }));

  const sites = useMemo(() => [...new Set((areas.data ?? []).flatMap((a) => (a.warehouse ? [a.warehouse] : [])))].sort(), [areas.data]);
  const areaOptions = (areas.data ?? []).filter((a) => site === ALL || a.warehouse === site).map((a) => ({ value: a.id, label: a.name }));
  const scope = areaId !== ALL ? ` in ${areaOptions.find((a) => a.value === areaId)?.label ?? areaId}` : site !== ALL ? ` at ${site}` : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Dashboard</Title>
          <Text size="sm">Trends of the operating measures. Every figure in a chart’s table opens the orders behind it.</Text>
        </div>
        {trends.loading && <Loader size="sm" aria-label="Loading trends" />}
      </Group>
      <Group gap="md" align="flex-end" data-testid="dashboard-filters">
        <Select label="Period" data={PERIODS} value={days} onChange={(v) => v && setDays(v)} allowDeselect={false} w={160} />
        <Select label="Bucket" data={TREND_BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b] }))} value={bucket} onChange={(v) => v && setBucket(v as TrendBucket)} allowDeselect={false} w={140} />
        <Select
          data-testid="dashboard-site"
          label="Site"
          data={[{ value: ALL, label: 'Every site' }, ...sites.map((s) => ({ value: s, label: s }))]}
          value={site}
          onChange={(v) => {
            setSite(v ?? ALL);
            setAreaId(ALL);
          }}
          allowDeselect={false}
          w={170}
        />
        <Select label="Work area" data={[{ value: ALL, label: 'Every area' }, ...areaOptions]} value={areaId} onChange={(v) => setAreaId(v ?? ALL)} allowDeselect={false} w={200} />
      </Group>
      {trends.error && <LoadError title="The trends could not be loaded" error={trends.error} onRetry={trends.reload} />}
      {trends.data && <Charts trends={trends.data} scope={scope} areaFilter={site !== ALL || areaId !== ALL} />}
    </Stack>
  );
}

function Charts({ trends, scope, areaFilter }: { trends: Trends; scope: string; areaFilter: boolean }) {
  const link = linker(trends, scope, areaFilter);
  const rows = trendRows(trends, link);
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="dashboard-zone">
        {trends.points.length} {trends.bucket === 'shift' ? 'shifts' : `${trends.bucket}s`}, cut in {trends.timeZone} time{scope}.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
        <TrendChart testId="chart-on-time-release" title="On-time release" unit="%" series={[{ label: 'On time' }]} rows={rows.onTimeRelease} description="Orders released by their planned release time (due time minus the area’s planned lead time), as a share of those released." />
        <TrendChart testId="chart-on-time-completion" title="On-time completion" unit="%" series={[{ label: 'On time' }]} rows={rows.onTimeCompletion} description="Orders completed or delivered by their due time, as a share of those finished." />
        <TrendChart testId="chart-queue-balance" title="Queue balance" unit="" series={[{ label: 'Variation' }]} rows={rows.queueBalance} description="How unevenly the pools are spread over the areas: the coefficient of variation of the areas’ pools as their release cycles saw them (0 is even; 1 is a spread as large as the mean pool)." />
        <TrendChart testId="chart-wip" title="Work in process against the limit" unit="%" series={[{ label: 'Mean' }, { label: 'Peak' }]} rows={rows.wip} description="Work in process as a share of the WIP limit after each release cycle, averaged over the areas with a limit, and the highest." />
        <TrendChart testId="chart-load" title="Load against the norm" unit="%" series={[{ label: 'Mean' }, { label: 'Peak' }]} rows={rows.load} description="Released load as a share of the workload norm after each release cycle, for the areas with a norm." />
        <TrendChart testId="chart-pool-age" title="Pool age at release" unit="h" series={[{ label: 'Median' }, { label: '90th percentile' }]} rows={rows.poolAge} description="Hours the released orders waited in the pool, median and 90th percentile (estimated within the histogram’s bins)." />
        <TrendChart testId="chart-escalations" title="Exceptions" unit="" series={[{ label: 'Opened' }, { label: 'Resolved' }]} rows={rows.escalations} description="Escalations opened, and escalated orders sent on (resolved)." />
        <TrendChart testId="chart-cycle-time" title="Cycle time" unit="h" series={[{ label: 'Median' }, { label: '90th percentile' }]} rows={rows.cycleTime} description="Hours from release to completion of the orders completed, median and 90th percentile (estimated within the histogram’s bins)." />
        <TrendChart testId="chart-cycle-histogram" title="Cycle time over the period" unit="" series={[{ label: 'Orders' }]} rows={histogramRows(trends, link)} description="How many orders completed in the period took each span of hours from release to completion." />
      </SimpleGrid>
    </Stack>
  );
}
