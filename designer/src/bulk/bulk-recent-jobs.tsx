import { Anchor, Table, Text, Title } from '@mantine/core';
import { useResource } from '../api/use-resource.ts';
import { humanize } from '../format/labels.ts';
import { listMyBulkJobs } from './bulk-client.ts';
import { jobActionLabel } from './bulk-job-action.ts';

/** The person's newest jobs, each a link to its page. */
export function BulkRecentJobs({ onOpen }: { onOpen: (jobId: string) => void }) {
  const jobs = useResource('my-bulk-jobs', listMyBulkJobs);
  return (
    <>
      <Title order={3}>My recent bulk jobs</Title>
      {jobs.data?.length === 0 && <Text c="dimmed">None yet.</Text>}
      {(jobs.data?.length ?? 0) > 0 && (
        <Table striped withTableBorder maw={960} data-testid="bulk-recent-jobs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Orders</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Done / refused / failed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.data!.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>
                  <Anchor
                    href={`?view=bulk&job=${job.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen(job.id);
                    }}
                  >
                    {new Date(job.createdAt).toLocaleString()}
                  </Anchor>
                </Table.Td>
                <Table.Td>{jobActionLabel(job)}</Table.Td>
                <Table.Td>{job.total.toLocaleString('en')}</Table.Td>
                <Table.Td>{humanize(job.status)}</Table.Td>
                <Table.Td>
                  {job.counts.done} / {job.counts.refused} / {job.counts.failed}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
