import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { followInApp } from '../orders/orders-link.ts';
import { barLayout, type ChartSeries } from './chart-layout.ts';

export interface FigureLink {
  label: string;
  href: string;
}

/** One row of the chart's table: a bucket's figures and the links to the orders behind them. */
export interface ChartRow {
  label: string;
  /** The label under the bars, where room is short. */
  short: string;
  values: (number | null)[];
  links: FigureLink[];
}

const WIDTH = 380;
const HEIGHT = 150;
// The second series differs by outline as well as by colour, so that telling them apart does not take colour vision.
const FILLS = [
  { fill: 'var(--mantine-color-blue-7)', stroke: 'none' },
  { fill: 'var(--mantine-color-orange-1)', stroke: 'var(--mantine-color-orange-9)' },
];

const shown = (v: number | null, unit: string) => (v === null ? '–' : `${Math.abs(v) >= 100 ? v.toFixed(0) : String(Math.round(v * 10) / 10)}${unit === '%' ? '%' : ''}`);

/**
 * A small bar chart, one group of bars a bucket: a title and a description for assistive technology, and the
 * same figures as a table whose every figure links to the orders behind it (a bar opens the first link too).
 */
export function TrendChart({ title, description, unit, series, rows, testId }: { title: string; description: string; unit: string; series: ChartSeries[]; rows: ChartRow[]; testId: string }) {
  const titleId = useId();
  const descId = useId();
  const layout = barLayout(rows.map((r) => r.values), { width: WIDTH, height: HEIGHT, percent: unit === '%' });
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        <Text size="xs" id={descId}>
          {description}
        </Text>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title>{title}</title>
          <desc>{description}</desc>
          {layout.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={layout.left} x2={WIDTH} y1={tick.y} y2={tick.y} stroke="var(--mantine-color-gray-3)" />
              <text x={layout.left - 4} y={tick.y + 3} fontSize="9" textAnchor="end" fill="var(--mantine-color-gray-8)">
                {tick.value}
                {unit === '%' ? '%' : ''}
              </text>
            </g>
          ))}
          {layout.bars.map((bar) => {
            const link = rows[bar.row]?.links[0];
            return (
              <rect
                key={`${bar.row}-${bar.series}`}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                fill={FILLS[bar.series % FILLS.length]!.fill}
                stroke={FILLS[bar.series % FILLS.length]!.stroke}
                style={link ? { cursor: 'pointer' } : undefined}
                onClick={link ? () => followInApp(link.href) : undefined}
              />
            );
          })}
          {layout.labels.map((l) => (
            <text key={l.row} x={l.x} y={HEIGHT - 4} fontSize="9" textAnchor="middle" fill="var(--mantine-color-gray-8)">
              {rows[l.row]?.short}
            </text>
          ))}
        </svg>
        {series.length > 1 && (
          <Text size="xs" aria-hidden>
            {series.map((s, i) => `${i === 0 ? '■ solid' : '□ outlined'}: ${s.label}`).join(' · ')}
          </Text>
        )}
        <details>
          <summary>
            <Text span size="xs">
              The figures, and the orders behind them
            </Text>
          </summary>
          <Table fz="xs" verticalSpacing={2} withTableBorder data-testid={`${testId}-figures`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Period</Table.Th>
                {series.map((s) => (
                  <Table.Th key={s.label}>
                    {s.label}
                    {unit && unit !== '%' ? ` (${unit})` : ''}
                  </Table.Th>
                ))}
                <Table.Th>Orders</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Td>{row.label}</Table.Td>
                  {row.values.map((v, i) => (
                    <Table.Td key={series[i]?.label ?? i}>{shown(v, unit)}</Table.Td>
                  ))}
                  <Table.Td>
                    {row.links.map((link, i) => (
                      <span key={link.href}>
                        {i > 0 && ' · '}
                        <Anchor
                          href={link.href}
                          size="xs"
                          underline="always"
                          onClick={(e) => {
                            e.preventDefault();
                            followInApp(link.href);
                          }}
                        >
                          {link.label}
                        </Anchor>
                      </span>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      </Stack>
    </Paper>
  );
}
