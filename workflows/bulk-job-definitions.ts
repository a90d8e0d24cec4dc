import { defineSignal } from '@temporalio/workflow';

/** Shared by the bulk job's workflow and the API. */
export const bulkJobWorkflowId = (jobId: string) => `bulk-job-${jobId}`;
/** Stop after the chunk in hand; nothing more is tried until resumed. */
export const pauseBulkJobSignal = defineSignal('pauseBulkJob');
export const resumeBulkJobSignal = defineSignal('resumeBulkJob');
/** Stop after the chunk in hand; the items not tried are "not run". */
export const cancelBulkJobSignal = defineSignal('cancelBulkJob');

/** Orders per activity: small enough that a pause or cancel takes effect soon, large enough that a 10,000-order job is 200 activities. */
export const BULK_CHUNK = 50;
