import { z } from 'zod';
import { reconciliationDayView, reopenInput, siteDayQuery, dayStatus } from '../../domain/reconciliation/reconciliation.ts';
import { dayBounds, yesterdayIn } from '../../domain/reconciliation/site-day.ts';
import { publicUrlFromEnv } from '../../activities/documents/public-url.ts';
import { listSites } from '../../store/reconciliation/day-readings.ts';
import { readSiteTimeZone } from '../../store/reconciliation/day-lock.ts';
import { reopenDay, signOffDay } from '../../store/reconciliation/day-sign-off.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';
import { currentReport, dayReport } from './reconciliation-day.ts';
import { reportCsv } from './report-csv.ts';
import { reportPdf } from './report-pdf.ts';

export const RECONCILIATION_PATH = '/reconciliation';

const siteSummary = z.object({ site: z.string(), timeZone: z.string(), yesterday: z.string().describe("The day before today in the site's zone: the day finance closes next.") });
const signOffBody = siteDayQuery.strict();
const reopenBody = siteDayQuery.extend(reopenInput.shape).strict();
const conflict = { 409: { description: 'The day is not in a state for this (the message says why).', schema: errorBody } };

const fileName = (site: string, day: string, ext: string) => `reconciliation-${site}-${day}.${ext}`.replace(/[^\w.-]/g, '_');

export function reconciliationRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const appUrl = publicUrlFromEnv();
  return [
    defineRoute({
      method: 'get',
      path: `${RECONCILIATION_PATH}/sites`,
      operationId: 'listReconciliationSites',
      summary: 'The sites (warehouses) a day is reconciled for, each with its time zone',
      tag: 'Reconciliation',
      access: 'reconciliation.read',
      responses: { 200: { description: 'Every warehouse a work area names or stock is kept in, with the zone its days are cut in.', schema: z.object({ sites: z.array(siteSummary) }) }, ...STANDARD_ERRORS },
      handler: async (c) => {
        const now = new Date();
        const sites = await Promise.all(
          (await listSites(em())).map(async (site) => {
            const timeZone = await readSiteTimeZone(em(), site);
            return { site, timeZone, yesterday: yesterdayIn(now, timeZone) };
          }),
        );
        return c.json({ sites });
      },
    }),
    defineRoute({
      method: 'get',
      path: RECONCILIATION_PATH,
      operationId: 'getReconciliationDay',
      summary: "A site's day: orders, cash on delivery per driver, invoices against shipments, and every discrepancy",
      tag: 'Reconciliation',
      access: 'reconciliation.read',
      query: siteDayQuery,
      responses: { 200: { description: 'The report (the snapshot signed off, when the day is) and the day\'s status.', schema: reconciliationDayView }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ ...(await dayReport(em(), query)), sites: await listSites(em()) }),
    }),
    defineRoute({
      method: 'get',
      path: `${RECONCILIATION_PATH}/csv`,
      operationId: 'exportReconciliationCsv',
      summary: "A site's day as CSV",
      tag: 'Reconciliation',
      access: 'reconciliation.read',
      query: siteDayQuery,
      responses: { 200: { description: 'Figures, drivers\' cash and discrepancies, each section with its header row.', contentType: 'text/csv' }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => {
        const { report, status } = await dayReport(em(), query);
        return c.body(reportCsv(report, status, appUrl), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName(query.site, query.day, 'csv')}"` });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${RECONCILIATION_PATH}/pdf`,
      operationId: 'exportReconciliationPdf',
      summary: "A site's day as PDF",
      tag: 'Reconciliation',
      access: 'reconciliation.read',
      query: siteDayQuery,
      responses: { 200: { description: 'The report on A4 pages.', contentType: 'application/pdf' }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => {
        const { report, status } = await dayReport(em(), query);
        const pdf = await reportPdf(report, status, appUrl, new Date());
        return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName(query.site, query.day, 'pdf')}"` });
      },
    }),
    defineRoute({
      method: 'post',
      path: `${RECONCILIATION_PATH}/sign-off`,
      operationId: 'signOffReconciliationDay',
      summary: 'Signing a site\'s day off: its report is kept as signed, and the day refuses money changes until reopened',
      tag: 'Reconciliation',
      access: 'reconciliation.signOff',
      body: signOffBody,
      responses: { 201: { description: 'Signed off: the status, with the snapshot\'s hash.', schema: dayStatus }, ...conflict, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const now = new Date();
        const timeZone = await readSiteTimeZone(em(), body.site);
        // Today may be signed off (finance closes the day when the shift ends); a day not begun has nothing to sign.
        if (dayBounds(body.day, timeZone).from > now) throw new UserError(409, 'day_not_begun', `${body.site} ${body.day} has not begun yet (${timeZone}): there is nothing to sign off.`);
        const report = await currentReport(em(), body);
        const signed = await signOffDay(em(), body, report, actorOf(principal), now);
        if (signed.outcome === 'already') throw new UserError(409, 'already_signed_off', `${body.site} ${body.day} is already signed off.`);
        return c.json({ status: 'signed_off', signOff: { signedOffBy: actorOf(principal), signedOffAt: now.toISOString(), sha256: signed.sha256 }, reopened: null }, 201);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${RECONCILIATION_PATH}/reopen`,
      operationId: 'reopenReconciliationDay',
      summary: 'Reopening a signed-off day, with a reason (audited)',
      tag: 'Reconciliation',
      access: 'reconciliation.signOff',
      body: reopenBody,
      responses: { 200: { description: 'Reopened: changes to the day are taken again.', schema: dayStatus }, ...conflict, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const now = new Date();
        if ((await reopenDay(em(), body, body.reason, actorOf(principal), now)) === 'not_signed_off') throw new UserError(409, 'not_signed_off', `${body.site} ${body.day} is not signed off: there is nothing to reopen.`);
        return c.json((await dayReport(em(), body)).status);
      },
    }),
  ];
}
