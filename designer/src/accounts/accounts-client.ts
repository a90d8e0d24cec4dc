import type { Account, AccountCredit, AccountExposure, Contact, ContactInput, NewAccount } from '../../../domain/account.ts';
import { ApiError } from '../api/api-error.ts';
import { request } from '../api/request.ts';
import { currentCsrfToken } from '../api/session-store.ts';

const path = (code: string) => `/accounts/${encodeURIComponent(code)}`;

export const listAccounts = (q: string, signal?: AbortSignal) => request<{ accounts: Account[]; next: string | null }>(`/accounts?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`, { signal });
export const createAccount = (input: NewAccount) => request<Account>('/accounts', { method: 'POST', body: input });
export const saveProfile = (code: string, input: Omit<NewAccount, 'code'>) => request<Account>(path(code), { method: 'PUT', body: input });
export const saveCredit = (code: string, input: AccountCredit) => request<Account>(`${path(code)}/credit`, { method: 'PUT', body: input });
export const readExposure = (code: string, signal?: AbortSignal) => request<AccountExposure>(`${path(code)}/exposure`, { signal });
export const listContacts = async (code: string, signal?: AbortSignal) => (await request<{ contacts: Contact[] }>(`${path(code)}/contacts`, { signal })).contacts;
export const addContact = (code: string, input: ContactInput) => request<Contact>(`${path(code)}/contacts`, { method: 'POST', body: input });
export const deleteContact = (code: string, id: string) => request<void>(`${path(code)}/contacts/${encodeURIComponent(id)}`, { method: 'DELETE' });

export interface AccountImportReport {
  created: number;
  updated: number;
  invalid: number;
  rows: { row: number; code: string | null; problems: string[] }[];
}

/** Sends the file as the body itself, as the orders' import does. */
export async function importAccounts(file: File): Promise<AccountImportReport> {
  const csrf = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch('/accounts/import', { method: 'POST', body: file, headers: { accept: 'application/json', 'content-type': file.type || 'text/csv', ...(csrf ? { 'x-csrf-token': csrf } : {}) } });
  } catch {
    throw new ApiError(0, 'unreachable', 'The Sluice API cannot be reached. Check that the server is running.');
  }
  const body = (await response.json().catch(() => undefined)) as (AccountImportReport & { error?: { code: string; message: string } }) | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `The server answered ${response.status}.`);
  return body!;
}
