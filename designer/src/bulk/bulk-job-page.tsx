import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { BULK_OUTCOMES, FINISHED_STATUSES, type BulkJob, type BulkOutcome } from '../../../domain/bulk-job.ts';
import { isPrintRequest } from '../../../domain/bulk-print.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { bulkPrintUrl, controlBulkJob, failuresCsvUrl, getBulkJob, listBulkJobItems } from './bulk-client.ts';
import { jobActionLabel } from './bulk-job-action.ts';
import { OUTCOME_LABELS, BulkProgress } from './bulk-progress.tsx';
import { describeFilter } from './bulk-selection.ts';

// Progress is read every so often while the job runs: a count per outcome is one indexed read.
const POLL_MS = 1_500;
const PAGE = 50;

/** A job: its progress (live while it runs), pause, resume, cancel, and its result per order. */
export function BulkJobPage({ jobId }: { jobId: string }) {
  const job = useResource(`bulk-job:${jobId}`, (signal) => getBulkJob(jobId, signal));
  const [outcome, setOutcome] = useState<BulkOutcome | 'all'>('all');
  const [after, setAfter] = useState<number[]>([-1]);
  const items = useResource(`bulk-items:${jobId}:${outcome}:${after.at(-1)}:${job.data?.counts.pending ?? ''}`, (signal) =>
    listBulkJobItems(jobId, { outcome: outcome === 'all' ? null : outcome, after: after.at(-1)!, limit: PAGE }, signal),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const finished = job.data ? FINISHED_STATUSES.includes(job.data.status) : false;
  const { reload } = job;
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [finished, reload]);

  if (!job.data) return job.error ? <LoadError title="The bulk job could not be loaded" error={job.error} onRetry={job.reload} /> : <Text>Loading the job…</Text>;
  const { data } = job;
  const control = async (name: 'pause' | 'resume' | 'cancel') => {
    setFailure(null);
    try {
      await controlBulkJob(jobId, name);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
    reload();
  };

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between">
        <Title order={3}>
          Bulk job: {jobActionLabel(data)} on {data.total.toLocaleString('en')} orders
        </Title>
        <Badge size="lg" color={data.status === 'done' ? 'green' : data.status === 'running' ? 'blue' : 'gray'} data-testid="bulk-status">
          {humanize(data.status)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        By {data.requestedBy}, {new Date(data.createdAt).toLocaleString()}
        {data.selection.filter !== null ? ` · orders matching: ${describeFilter(data.selection.filter)}` : ''}
        {typeof data.request.reason === 'string' ? ` · reason: ${data.request.reason}` : ''}
      </Text>
      <BulkProgress counts={data.counts} total={data.total} />
      <Group>
        {data.status === 'running' && (
          <Button variant="default" data-testid="bulk-pause" onClick={() => void control('pause')}>
            Pause
          </Button>
        )}
        {data.status === 'paused' && (
          <Button data-testid="bulk-resume" onClick={() => void control('resume')}>
            Resume
          </Button>
        )}
        {(data.status === 'running' || data.status === 'paused') && (
          <Button color="red" variant="light" data-testid="bulk-cancel" onClick={() => void control('cancel')}>
            Cancel the rest
          </Button>
        )}
        <Anchor href={failuresCsvUrl(jobId)} download data-testid="bulk-failures-csv">
          Download failures (CSV)
        </Anchor>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      {isPrintRequest(data.request as { action: string }) && <PrintOutcome job={data} />}
      <Title order={4}>Result per order</Title>
      <SegmentedControl
        aria-label="Show orders with outcome"
        data-testid="bulk-outcome-filter"
        value={outcome}
        onChange={(value) => {
          setOutcome(value as BulkOutcome | 'all');
          setAfter([-1]);
        }}
        data={[{ value: 'all', label: 'All' }, ...BULK_OUTCOMES.map((o) => ({ value: o, label: `${OUTCOME_LABELS[o]} (${data.counts[o]})` }))]}
      />
      <Table striped withTableBorder data-testid="bulk-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Order</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(items.data?.items ?? []).map((item) => (
            <Table.Tr key={item.position}>
              <Table.Td>{item.position + 1}</Table.Td>
              <Table.Td>{item.reference ?? item.orderId}</Table.Td>
              <Table.Td>{OUTCOME_LABELS[item.outcome]}</Table.Td>
              <Table.Td>{item.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" size="xs" disabled={after.length <= 1} onClick={() => setAfter((a) => a.slice(0, -1))}>
          Previous page
        </Button>
        <Button variant="default" size="xs" disabled={items.data?.next == null} onClick={() => items.data?.next != null && setAfter((a) => [...a, items.data!.next!])}>
          Next page
        </Button>
      </Group>
    </Stack>
  );
}

/** A print job's merged PDF: its download once made, why there is none, or that it comes when the job ends. */
function PrintOutcome({ job }: { job: BulkJob }) {
  const { print } = job;
  if (!print) return <Text data-testid="bulk-print-pending">The merged PDF is made when the job has worked through every order.</Text>;
  if (!print.sha256) {
    return (
      <Alert color="yellow" title="No merged PDF" data-testid="bulk-print-problem">
        {print.problem}
      </Alert>
    );
  }
  return (
    <Group gap="xs" data-testid="bulk-print">
      <Button component="a" href={bulkPrintUrl(job.id)} download data-testid="bulk-print-pdf">
        Download the merged PDF
      </Button>
      <Text size="sm" c="dimmed">
        {print.documents.toLocaleString('en')} {print.documents === 1 ? 'document' : 'documents'}, {print.pages.toLocaleString('en')} {print.pages === 1 ? 'page' : 'pages'}, {(print.size / 1024).toFixed(0)} kB · SHA-256 {print.sha256.slice(0, 12)}…
      </Text>
    </Group>
  );
}
