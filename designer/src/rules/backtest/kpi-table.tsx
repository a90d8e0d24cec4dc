import { Badge, Table, Text } from '@mantine/core';
import type { BacktestPolicyResult, BacktestResult } from '../../../../domain/backtest.ts';
import { bestPolicy, draftDifference, formatKpi, kpiNames, kpiSpec, verdictOf } from './kpi-figures.ts';

const VERDICT = { better: 'draft better', worse: 'draft worse', same: 'no clear difference' } as const;

function verdict(name: string, draft: BacktestPolicyResult, reference: BacktestPolicyResult): string {
  const difference = draftDifference(name, draft, reference);
  return difference && kpiSpec(name).better ? VERDICT[verdictOf(name, difference)] : '—';
}

/** Each KPI per policy with its confidence interval; the best figure, when the noise allows calling one, says so. */
export function KpiTable({ result }: { result: BacktestResult }) {
  const draft = result.policies.find((p) => p.role === 'draft');
  const reference = result.policies.find((p) => p.role === 'published') ?? result.policies.find((p) => p.role === 'baseline');
  return (
    <Table data-testid="backtest-kpi-table" withTableBorder striped verticalSpacing={4} fz="xs">
      <Table.Caption>
        Means over {result.replications} replications ± the half width of their 95% confidence interval. The draft is compared replication by replication (the same random orders),
        which tells smaller differences apart than the ± of each figure. {result.policies.some((p) => !p.stable) && 'An unstable policy lets the pool grow without bound: its figures depend on the horizon.'}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>KPI</Table.Th>
          {result.policies.map((p) => (
            <Table.Th key={p.label}>
              {p.label}
              {!p.stable && (
                <Badge ml={4} size="xs" color="red" variant="light">
                  unstable
                </Badge>
              )}
            </Table.Th>
          ))}
          {draft && reference && <Table.Th>Draft against {reference.label.toLowerCase()}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {kpiNames(result).map((name) => {
          const best = bestPolicy(name, result.policies);
          const spec = kpiSpec(name);
          return (
            <Table.Tr key={name} data-kpi={name}>
              <Table.Td>
                {spec.label}
                {spec.better && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({spec.better} is better)
                  </Text>
                )}
              </Table.Td>
              {result.policies.map((p) => {
                const value = p.kpis[name];
                return (
                  <Table.Td key={p.label} fw={best === p.label ? 700 : undefined}>
                    {value ? formatKpi(name, value) : '—'}
                    {best === p.label && (
                      <Badge ml={4} size="xs" variant="outline">
                        best
                      </Badge>
                    )}
                  </Table.Td>
                );
              })}
              {draft && reference && (
                <Table.Td data-testid="backtest-verdict">{verdict(name, draft, reference)}</Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
