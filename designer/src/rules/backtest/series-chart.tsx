import { Group, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { extent, type ChartLine } from './chart-series.ts';

const WIDTH = 560;
const HEIGHT = 150;
const PAD = { left: 40, right: 8, top: 8, bottom: 20 };
// Lines differ by dash as well as by colour, so that telling them apart does not take colour vision.
const STROKES = [
  { color: 'var(--mantine-color-blue-7)', dash: '' },
  { color: 'var(--mantine-color-orange-7)', dash: '6 3' },
  { color: 'var(--mantine-color-teal-7)', dash: '2 3' },
  { color: 'var(--mantine-color-grape-7)', dash: '8 3 2 3' },
  { color: 'var(--mantine-color-gray-7)', dash: '1 2' },
  { color: 'var(--mantine-color-red-8)', dash: '10 2' },
];
const strokeOf = (i: number) => STROKES[i % STROKES.length]!;
const figure = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

function Legend({ lines }: { lines: readonly ChartLine[] }) {
  return (
    <Group gap="md" aria-hidden>
      {lines.map((line, i) => (
        <Group key={line.label} gap={4}>
          <svg width="24" height="8">
            <line x1="0" y1="4" x2="24" y2="4" stroke={strokeOf(i).color} strokeWidth="2" strokeDasharray={strokeOf(i).dash} />
          </svg>
          <Text size="xs">{line.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Figures({ lines, unit, timeUnit }: { lines: readonly ChartLine[]; unit: string; timeUnit: string }) {
  const times = lines[0]?.points.map((p) => p.t) ?? [];
  return (
    <details>
      <summary>
        <Text span size="xs">
          The figures as a table
        </Text>
      </summary>
      <Table fz="xs" verticalSpacing={2} withTableBorder data-testid="backtest-chart-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time ({timeUnit})</Table.Th>
            {lines.map((l) => (
              <Table.Th key={l.label}>
                {l.label} ({unit})
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {times.map((t, row) => (
            <Table.Tr key={t}>
              <Table.Td>{figure(t)}</Table.Td>
              {lines.map((l) => (
                <Table.Td key={l.label}>{figure(l.points[row]?.v ?? 0)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}

/** A small line chart over time, drawn as SVG, with its title for screen readers and its figures as a table. */
export function SeriesChart({ title, description, unit, timeUnit, warmUp, lines }: { title: string; description: string; unit: string; timeUnit: string; warmUp: number; lines: readonly ChartLine[] }) {
  const id = useId();
  const { t0, t1, vMax } = extent(lines);
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / vMax) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <Stack gap={4} data-testid="backtest-chart">
      <Text size="sm" fw={600} id={`${id}-title`}>
        {title}
      </Text>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} stroke="var(--mantine-color-gray-5)" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} stroke="var(--mantine-color-gray-5)" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" fontSize="10" fill="currentColor">
          {figure(vMax)}
        </text>
        <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} textAnchor="end" fontSize="10" fill="currentColor">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 4} fontSize="10" fill="currentColor">
          {figure(t0)} {timeUnit}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end" fontSize="10" fill="currentColor">
          {figure(t1)} {timeUnit}
        </text>
        {warmUp > t0 && warmUp < t1 && (
          <g>
            <line x1={x(warmUp)} y1={PAD.top} x2={x(warmUp)} y2={HEIGHT - PAD.bottom} stroke="var(--mantine-color-gray-6)" strokeDasharray="3 3" />
            <text x={x(warmUp) + 4} y={PAD.top + 8} fontSize="10" fill="currentColor">
              warm-up ends: figures count from here
            </text>
          </g>
        )}
        {lines.map((line, i) => (
          <polyline
            key={line.label}
            fill="none"
            stroke={strokeOf(i).color}
            strokeWidth="1.5"
            strokeDasharray={strokeOf(i).dash}
            points={line.points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <Legend lines={lines} />
      <Figures lines={lines} unit={unit} timeUnit={timeUnit} />
    </Stack>
  );
}
