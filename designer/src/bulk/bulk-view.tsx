import { Anchor, Stack, Title } from '@mantine/core';
import { followInApp, useLocationSearch } from '../orders/orders-link.ts';
import { BulkJobPage } from './bulk-job-page.tsx';
import { BulkNewJob } from './bulk-new-job.tsx';
import { BulkRecentJobs } from './bulk-recent-jobs.tsx';
import { selectionIn } from './bulk-selection.ts';

/**
 * The Bulk screen: `?view=bulk&job=<id>` is a job's page; otherwise a new job over the orders a link selected
 * (`orders=<ids>` or `filter=<GET /orders query>`) or that the person pastes, and their recent jobs.
 */
export function BulkView() {
  const search = useLocationSearch();
  const jobId = new URLSearchParams(search).get('job');
  const open = (id: string) => followInApp(`?view=bulk&job=${encodeURIComponent(id)}`);
  if (jobId) {
    return (
      <Stack gap="md">
        <Title order={2}>Bulk actions</Title>
        <Anchor href="?view=bulk" onClick={(event) => (event.preventDefault(), followInApp('?view=bulk'))}>
          ← New bulk action and my jobs
        </Anchor>
        <BulkJobPage key={jobId} jobId={jobId} />
      </Stack>
    );
  }
  return (
    <Stack gap="xl">
      <Title order={2}>Bulk actions</Title>
      <BulkNewJob key={search} linked={selectionIn(search)} onStarted={open} />
      <BulkRecentJobs onOpen={open} />
    </Stack>
  );
}
