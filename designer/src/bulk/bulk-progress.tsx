import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { BulkCounts, BulkOutcome } from '../../../domain/bulk-job.ts';

export const OUTCOME_LABELS: Record<BulkOutcome, string> = { pending: 'Waiting', done: 'Done', refused: 'Refused', failed: 'Failed', not_run: 'Not run' };
const COLOURS: Record<BulkOutcome, string> = {
  done: 'var(--mantine-color-green-8)',
  refused: 'var(--mantine-color-orange-8)',
  failed: 'var(--mantine-color-red-8)',
  not_run: 'var(--mantine-color-gray-6)',
  pending: 'var(--mantine-color-gray-2)',
};
const ORDER: readonly BulkOutcome[] = ['done', 'refused', 'failed', 'not_run', 'pending'];

/** The job's progress as one stacked bar (drawn, not a chart library), with its figures also as a table. */
export function BulkProgress({ counts, total }: { counts: BulkCounts; total: number }) {
  const settled = total - counts.pending;
  const percent = total === 0 ? 100 : Math.floor((settled / total) * 100);
  const widths = ORDER.map((outcome) => (total === 0 ? 0 : (counts[outcome] / total) * 1000));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  return (
    <Stack gap={6}>
      <div role="progressbar" aria-label="Orders worked through" aria-valuemin={0} aria-valuemax={total} aria-valuenow={settled} aria-valuetext={`${settled} of ${total} orders (${percent}%)`} data-testid="bulk-progress">
        <svg width="100%" height="18" viewBox="0 0 1000 18" preserveAspectRatio="none" aria-hidden="true">
          {ORDER.map((outcome, i) => (
            <rect key={outcome} x={starts[i]} y={0} width={widths[i]} height={18} fill={COLOURS[outcome]} />
          ))}
        </svg>
      </div>
      <Text size="sm" data-testid="bulk-progress-text">
        {settled.toLocaleString('en')} of {total.toLocaleString('en')} orders worked through ({percent}%)
      </Text>
      <Table withTableBorder w="auto" data-testid="bulk-counts">
        <VisuallyHidden component="caption">Orders by outcome</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {ORDER.map((outcome) => (
              <Table.Th key={outcome}>
                <span style={{ display: 'inline-block', width: 10, height: 10, marginRight: 6, background: COLOURS[outcome], border: '1px solid var(--mantine-color-gray-6)' }} aria-hidden="true" />
                {OUTCOME_LABELS[outcome]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {ORDER.map((outcome) => (
              <Table.Td key={outcome} data-testid={`bulk-count-${outcome}`}>
                {counts[outcome].toLocaleString('en')}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
