import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportRow, ImportSummary, RowOutcome } from '../../../domain/order-import.ts';
import { getImport, importRows, problemsCsvUrl, runImport } from '../api/imports-client.ts';
import { OUTCOME_LABELS } from './field-labels.ts';

const POLL_MS = 1_000;
const PROBLEMS: RowOutcome[] = ['invalid', 'duplicate', 'rejected'];
const COLORS: Record<RowOutcome, string> = { pending: 'gray', valid: 'green', invalid: 'red', duplicate: 'yellow', created: 'green', rejected: 'red' };

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value.toLocaleString('en')}
      </Text>
    </Paper>
  );
}

/** Rows of some outcomes, a hundred at a time. */
function RowsTable({ summary, outcomes, caption, testId }: { summary: ImportSummary; outcomes: RowOutcome[] | null; caption: string; testId: string }) {
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [error, setError] = useState<string | null>(null);
  const version = `${summary.id}/${summary.state}/${summary.counts.processed}/${summary.updatedAt}`;
  useEffect(() => {
    const controller = new AbortController();
    importRows(summary.id, outcomes, 0, controller.signal).then(
      (page) => {
        setRows(page.rows);
        setNext(page.next);
      },
      (err: Error) => !controller.signal.aborted && setError(err.message),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloaded when the import moves on
  }, [version]);
  const more = async () => {
    if (next === null) return;
    const page = await importRows(summary.id, outcomes, next);
    setRows((r) => [...r, ...page.rows]);
    setNext(page.next);
  };
  if (error) return <Alert color="red">{error}</Alert>;
  if (rows.length === 0) return null;
  const referenceAt = summary.mapping?.reference === undefined ? -1 : summary.headers.indexOf(summary.mapping.reference);
  return (
    <Stack gap="xs">
      <Table data-testid={testId} striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Why, or the order</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row} data-testid={`${testId}-row-${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{referenceAt >= 0 ? r.cells[referenceAt] : ''}</Table.Td>
              <Table.Td>
                <Badge color={COLORS[r.outcome]} variant="light">
                  {OUTCOME_LABELS[r.outcome]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.problems.length > 0 ? (
                  <Stack gap={2}>
                    {r.problems.map((p, i) => (
                      <Text size="sm" key={i}>
                        {p.column ? `${p.column}: ` : ''}
                        {p.message}
                      </Text>
                    ))}
                  </Stack>
                ) : r.orderId ? (
                  <Text size="sm" ff="monospace">
                    Order {r.orderId}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {next !== null && (
        <Button variant="default" size="xs" onClick={() => void more()}>
          Show more rows
        </Button>
      )}
    </Stack>
  );
}

/** The dry run's report, then the import: its progress and each row's result. */
export function ImportReport({ summary, onChange }: { summary: ImportSummary; onChange: (summary: ImportSummary) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const c = summary.counts;
  const running = summary.state === 'running';
  const taken = summary.state === 'running' || summary.state === 'done';

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void getImport(summary.id).then(onChange, () => {}), POLL_MS);
    return () => clearInterval(timer);
  }, [running, summary.id, onChange]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      onChange(await runImport(summary.id));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={3}>{taken ? `Importing ${summary.fileName}` : `What the check found in ${summary.fileName}`}</Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Rows" value={c.rows} testId="import-count-rows" />
          <Figure label="Good" value={c.valid} testId="import-count-valid" />
          <Figure label="Invalid" value={c.invalid} testId="import-count-invalid" />
          <Figure label="Duplicates" value={c.duplicates} testId="import-count-duplicates" />
        </SimpleGrid>
        {!taken && (
          <>
            <Group justify="space-between">
              {c.invalid + c.duplicates > 0 ? (
                <Anchor href={problemsCsvUrl(summary.id)} download data-testid="import-download">
                  Download the rows with problems (CSV)
                </Anchor>
              ) : (
                <Text size="sm">Every row is good.</Text>
              )}
              <Button onClick={() => void start()} loading={starting} disabled={c.valid === 0} data-testid="import-run">
                Import {c.valid.toLocaleString('en')} good {c.valid === 1 ? 'row' : 'rows'}
              </Button>
            </Group>
            <RowsTable summary={summary} outcomes={PROBLEMS} caption="Rows with problems: fix them in the file and upload it again" testId="import-problems" />
          </>
        )}
        {taken && (
          <>
            <Stack gap={4}>
              <Text size="sm" id="import-progress-label">
                {summary.state === 'done' ? 'Done' : 'Importing'}: {c.processed.toLocaleString('en')} of {c.rows.toLocaleString('en')} rows — {c.created.toLocaleString('en')} created,{' '}
                {c.duplicates.toLocaleString('en')} duplicates, {c.rejected.toLocaleString('en')} rejected
              </Text>
              <Progress.Root data-testid="import-progress">
                <Progress.Section value={c.rows === 0 ? 0 : (100 * c.processed) / c.rows} aria-labelledby="import-progress-label" animated={running} />
              </Progress.Root>
            </Stack>
            {summary.state === 'done' && (
              <Alert color="green" title="Import done" data-testid="import-done" role="status">
                {c.created.toLocaleString('en')} orders created from {summary.fileName}.
              </Alert>
            )}
            <RowsTable summary={summary} outcomes={null} caption="The result of each row" testId="import-results" />
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
