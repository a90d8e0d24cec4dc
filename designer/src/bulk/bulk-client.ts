import type { BulkJob, BulkJobItem, BulkOutcome, BulkRequest, BulkSelection, DryRunResult } from '../../../domain/bulk-job.ts';
import { request } from '../api/request.ts';

export function dryRunBulkJob(selection: BulkSelection, action: BulkRequest, page: { offset: number; limit: number }, signal?: AbortSignal): Promise<DryRunResult> {
  return request<DryRunResult>('/bulk-jobs/dry-run', { method: 'POST', body: { selection, request: action, ...page }, signal });
}

export function createBulkJob(selection: BulkSelection, action: BulkRequest): Promise<BulkJob> {
  return request<BulkJob>('/bulk-jobs', { method: 'POST', body: { selection, request: action } });
}

export function getBulkJob(id: string, signal?: AbortSignal): Promise<BulkJob> {
  return request<BulkJob>(`/bulk-jobs/${encodeURIComponent(id)}`, { signal });
}

export async function listMyBulkJobs(signal?: AbortSignal): Promise<BulkJob[]> {
  return (await request<{ jobs: BulkJob[] }>('/bulk-jobs?mine=true&limit=20', { signal })).jobs;
}

export function listBulkJobItems(id: string, query: { outcome: BulkOutcome | null; after: number; limit: number }, signal?: AbortSignal): Promise<{ items: BulkJobItem[]; next: number | null }> {
  const params = new URLSearchParams({ after: String(query.after), limit: String(query.limit), ...(query.outcome ? { outcome: query.outcome } : {}) });
  return request(`/bulk-jobs/${encodeURIComponent(id)}/items?${params}`, { signal });
}

export function controlBulkJob(id: string, control: 'pause' | 'resume' | 'cancel'): Promise<BulkJob> {
  return request<BulkJob>(`/bulk-jobs/${encodeURIComponent(id)}/${control}`, { method: 'POST' });
}

export const failuresCsvUrl = (id: string) => `/bulk-jobs/${encodeURIComponent(id)}/failures.csv`;

/** A print job's merged PDF, as kept. */
export const bulkPrintUrl = (id: string) => `/bulk-jobs/${encodeURIComponent(id)}/print.pdf`;
