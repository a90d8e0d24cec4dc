import type { ImportField, ImportMapping, ImportRow, ImportSummary, ImportTemplate, RowOutcome } from '../../../domain/order-import.ts';
import { ApiError } from './api-error.ts';
import { request } from './request.ts';
import { currentCsrfToken } from './session-store.ts';

export type UploadedImport = ImportSummary & { sample: string[][] };

/** Sends the file as the body itself: the server reads it as it arrives. */
export async function uploadImport(file: File): Promise<UploadedImport> {
  const csrf = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(`/imports?name=${encodeURIComponent(file.name.slice(0, 200))}`, {
      method: 'POST',
      body: file,
      headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'The Sluice API cannot be reached. Check that the server is running.');
  }
  const body = (await response.json().catch(() => undefined)) as (UploadedImport & { error?: { code: string; message: string } }) | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `The server answered ${response.status}.`);
  return body!;
}

export const listImports = async (signal?: AbortSignal) => (await request<{ imports: ImportSummary[] }>('/imports', { signal })).imports;
export const getImport = (id: string, signal?: AbortSignal) => request<ImportSummary>(`/imports/${encodeURIComponent(id)}`, { signal });
export const mapImport = (id: string, mapping: Partial<Record<ImportField, string>>) => request<ImportSummary>(`/imports/${encodeURIComponent(id)}/mapping`, { method: 'PUT', body: mapping });
export const validateImport = (id: string) => request<ImportSummary>(`/imports/${encodeURIComponent(id)}/validate`, { method: 'POST' });
export const runImport = (id: string) => request<ImportSummary>(`/imports/${encodeURIComponent(id)}/run`, { method: 'POST' });
export const importRows = (id: string, outcomes: readonly RowOutcome[] | null, after: number, signal?: AbortSignal) =>
  request<{ rows: ImportRow[]; next: number | null }>(`/imports/${encodeURIComponent(id)}/rows?after=${after}&limit=100${outcomes ? `&outcome=${outcomes.join(',')}` : ''}`, { signal });
export const problemsCsvUrl = (id: string) => `/imports/${encodeURIComponent(id)}/problems.csv`;

export const listImportTemplates = async (signal?: AbortSignal) => (await request<{ templates: ImportTemplate[] }>('/import-templates', { signal })).templates;
export const saveImportTemplate = (name: string, mapping: ImportMapping) => request<ImportTemplate>('/import-templates', { method: 'POST', body: { name, mapping } });
