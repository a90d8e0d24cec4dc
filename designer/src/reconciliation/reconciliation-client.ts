import type { DayStatus, ReconciliationDayView } from '../../../domain/reconciliation/reconciliation.ts';
import { request } from '../api/request.ts';

export interface ReconciliationSite {
  site: string;
  timeZone: string;
  /** The day before today in the site's zone: the day shown first. */
  yesterday: string;
}

const siteDay = (site: string, day: string) => new URLSearchParams({ site, day }).toString();

export const listSites = async (signal?: AbortSignal) => (await request<{ sites: ReconciliationSite[] }>('/reconciliation/sites', { signal })).sites;
export const getDay = (site: string, day: string, signal?: AbortSignal) => request<ReconciliationDayView>(`/reconciliation?${siteDay(site, day)}`, { signal });
export const signOffDay = (site: string, day: string) => request<DayStatus>('/reconciliation/sign-off', { method: 'POST', body: { site, day } });
export const reopenDay = (site: string, day: string, reason: string) => request<DayStatus>('/reconciliation/reopen', { method: 'POST', body: { site, day, reason } });

/** Where the browser downloads the day's export: a plain link, the session cookie signs it in. */
export const exportHref = (format: 'csv' | 'pdf', site: string, day: string) => `/reconciliation/${format}?${siteDay(site, day)}`;
