import type { EntityManager } from '@mikro-orm/sql';
import { computeReport } from '../../domain/reconciliation/compute-report.ts';
import type { DayStatus, ReconciliationReport, SiteDay } from '../../domain/reconciliation/reconciliation.ts';
import { dayBounds } from '../../domain/reconciliation/site-day.ts';
import { readDay } from '../../store/reconciliation/day-readings.ts';
import { readSiteTimeZone } from '../../store/reconciliation/day-lock.ts';
import { readDayStatus } from '../../store/reconciliation/day-sign-off.ts';

/** The report computed from the store now, for the site's day in its zone. */
export async function currentReport(em: EntityManager, at: SiteDay): Promise<ReconciliationReport> {
  const timeZone = await readSiteTimeZone(em, at.site);
  return computeReport(await readDay(em, { ...at, timeZone, ...dayBounds(at.day, timeZone) }));
}

/** The day as finance sees it: a signed-off day shows the snapshot it was signed with, any other day the report now. */
export async function dayReport(em: EntityManager, at: SiteDay): Promise<{ report: ReconciliationReport; status: DayStatus }> {
  const { status, snapshot } = await readDayStatus(em, at);
  return { report: snapshot ?? (await currentReport(em, at)), status };
}
