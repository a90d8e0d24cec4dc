import { z } from 'zod';
import { accountCredit, newAccount, type AccountCredit, type NewAccount } from '../../domain/account.ts';
import { can } from '../../domain/roles.ts';
import { upsertAccounts } from '../../store/accounts/account-upsert.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
import { readUpload } from '../imports/read-upload.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';

/** The columns a file of accounts may have, by their header in any case, spaces or underscores. */
const COLUMNS = { code: 'code', name: 'name', tier: 'tier', majoraccount: 'majorAccount', major: 'majorAccount', paymentterms: 'paymentTerms', creditlimit: 'creditLimit' } as const;
type Field = (typeof COLUMNS)[keyof typeof COLUMNS];
const CREDIT_FIELDS: readonly Field[] = ['paymentTerms', 'creditLimit'];
const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

const rowReport = z.object({ row: z.number().int().describe('The line of the file, the header being 1.'), code: z.string().nullable(), problems: z.array(z.string()) });
const importReport = z.object({ created: z.number().int(), updated: z.number().int(), invalid: z.number().int(), rows: z.array(rowReport).describe('Every row not taken, with why.') });

export type AccountRow = { account: NewAccount; credit: AccountCredit | null };

/** One row of the file as an account, or what is wrong with it in words a person fixes the file by. */
export function judgeAccountRow(cells: Record<string, string>, hasCredit: boolean): AccountRow | string[] {
  const major = (cells.majorAccount ?? '').trim().toLowerCase();
  const problems: string[] = [];
  if (!YES.has(major) && !NO.has(major)) problems.push(`majorAccount: "${cells.majorAccount}" is not yes or no`);
  const parsed = newAccount.safeParse({ code: cells.code ?? '', name: cells.name ?? '', tier: cells.tier?.trim() ? cells.tier.trim().toLowerCase() : undefined, majorAccount: YES.has(major) });
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  let credit: AccountCredit | null = null;
  if (hasCredit) {
    const limit = (cells.creditLimit ?? '').trim();
    const terms = accountCredit.safeParse({ paymentTerms: (cells.paymentTerms ?? '').trim().toLowerCase() || 'prepaid', creditLimit: limit === '' ? 0 : Number(limit.replace(/[\s,]/g, '')) });
    if (terms.success) credit = terms.data;
    else problems.push(...terms.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return problems.length > 0 || !parsed.success ? problems : { account: parsed.data, credit };
}

export function accountImportRoute(deps: ApiDeps) {
  return defineRoute({
    tag: 'Accounts',
    access: 'accounts.manage',
    method: 'post',
    path: '/accounts/import',
    operationId: 'importAccounts',
    summary: 'Importing customer accounts from a CSV or XLSX file',
    responses: {
      200: {
        description:
          'A CSV or XLSX file as the body, a header row then an account a row: code and name, optionally tier (standard, key, major) and majorAccount (yes/no); paymentTerms and creditLimit for finance only. Each row adds the account of its code or changes it; bad rows are listed and the others are taken.',
        schema: importReport,
      },
      413: { description: 'A file larger than a request takes (1 MiB): split it.', schema: errorBody },
      ...STANDARD_ERRORS,
    },
    handler: async (c, { principal }) => {
      const table = await readUpload(c.req.raw.body);
      const fields = table.headers.map((h) => COLUMNS[h.toLowerCase().replace(/[\s_-]/g, '') as keyof typeof COLUMNS] ?? null);
      for (const needed of ['code', 'name'] as const) if (!fields.includes(needed)) throw new UserError(400, 'invalid_file', `The file has no "${needed}" column: its header row names the columns (code, name, tier, majorAccount).`);
      const hasCredit = fields.some((f) => f !== null && CREDIT_FIELDS.includes(f));
      if (hasCredit && !can(principal.roles, 'accounts.credit')) throw new UserError(403, 'forbidden', 'The file sets payment terms or credit limits, which finance alone sets: remove those columns, or ask finance to import it.');
      const report = { created: 0, updated: 0, invalid: 0, rows: [] as z.infer<typeof rowReport>[] };
      const good: (AccountRow & { row: number })[] = [];
      const seen = new Set<string>();
      table.rows.forEach((cells, i) => {
        const named = Object.fromEntries(fields.flatMap((f, col) => (f ? [[f, cells[col] ?? '']] : [])));
        const judged = judgeAccountRow(named, hasCredit);
        const code = named.code?.trim() || null;
        const problems = Array.isArray(judged) ? judged : seen.has(judged.account.code) ? [`code: "${judged.account.code}" is on an earlier row of the file too`] : [];
        if (problems.length > 0) {
          report.invalid++;
          report.rows.push({ row: i + 2, code, problems });
        } else if (!Array.isArray(judged)) {
          seen.add(judged.account.code);
          good.push({ ...judged, row: i + 2 });
        }
      });
      const { created, updated } = await upsertAccounts(deps.store.em.fork(), good, actorOf(principal));
      return c.json({ ...report, created, updated });
    },
  });
}
