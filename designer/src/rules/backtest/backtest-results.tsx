import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BacktestResult } from '../../../../domain/backtest.ts';
import { orderName } from '../../format/order-name.ts';
import { loadPerArea, perPolicy, poolOf, wipOf } from './chart-series.ts';
import { KpiTable } from './kpi-table.tsx';
import { SeriesChart } from './series-chart.tsx';

const POINTS = 48;

function ChangedDecisions({ changed }: { changed: NonNullable<BacktestResult['changedDecisions']> }) {
  if (changed.length === 0) return <Text size="sm">No order of the recorded day would have been decided differently.</Text>;
  return (
    <Table data-testid="backtest-changed" withTableBorder striped verticalSpacing={4} fz="xs">
      <Table.Caption>The orders of the recorded day the draft decides differently, and why.</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Order</Table.Th>
          <Table.Th>In force</Table.Th>
          <Table.Th>With the draft</Table.Th>
          <Table.Th>Why</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changed.map((c) => (
          <Table.Tr key={c.orderId}>
            <Table.Td>{orderName({ id: c.orderId, reference: c.reference })}</Table.Td>
            <Table.Td>{c.before}</Table.Td>
            <Table.Td fw={600}>{c.after}</Table.Td>
            <Table.Td>{c.explanation}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A backtest's answer: the KPI table, the pool, WIP and load over time, and for a recorded day the changed decisions. */
export function BacktestResults({ result, timeUnit }: { result: BacktestResult; timeUnit: string }) {
  const [loadOf, setLoadOf] = useState(result.policies[0]?.label ?? '');
  const loadPolicy = result.policies.find((p) => p.label === loadOf) ?? result.policies[0];
  return (
    <Stack gap="md" data-testid="backtest-results">
      <KpiTable result={result} />
      <SeriesChart
        title="Orders in the pool"
        description="How many orders waited for release over the run, one line per policy, each point the mean over the replications."
        unit="orders"
        timeUnit={timeUnit}
        warmUp={result.warmUp}
        lines={perPolicy(result.policies, poolOf, POINTS)}
      />
      <SeriesChart
        title="Orders on the floor (WIP)"
        description="How many released orders were being worked on over the run, over all areas, one line per policy."
        unit="orders"
        timeUnit={timeUnit}
        warmUp={result.warmUp}
        lines={perPolicy(result.policies, wipOf, POINTS)}
      />
      {loadPolicy && (
        <Stack gap={4}>
          <SegmentedControl size="xs" data={result.policies.map((p) => p.label)} value={loadPolicy.label} onChange={setLoadOf} aria-label="Whose load per area to show" />
          <SeriesChart
            title={`Load per area: ${loadPolicy.label}`}
            description={`The released load of each area over the run under ${loadPolicy.label}, one line per area.`}
            unit={timeUnit}
            timeUnit={timeUnit}
            warmUp={result.warmUp}
            lines={loadPerArea(loadPolicy, POINTS)}
          />
        </Stack>
      )}
      {result.changedDecisions && <ChangedDecisions changed={result.changedDecisions} />}
    </Stack>
  );
}
