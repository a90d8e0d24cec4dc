import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreConfig, testStoreKind } from '../../test/temp-store.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { openStore, type Store } from '../open-store.ts';
import { DocumentRecord } from './document.entity.ts';
import { documentPdf } from './documents.ts';
import { issueDocument, issueKeyOf, type DocumentRequest } from './issue-documents.ts';

const request = (orderId: string, render: DocumentRequest['render'], kind: DocumentRequest['kind'] = 'invoice'): DocumentRequest => ({
  issueKey: issueKeyOf(orderId, kind),
  orderId,
  accountCode: 'NOT-ON-FILE',
  kind,
  lines: [{ sku: 'A-1', qty: 2, price: 10 }],
  total: 20,
  issuedBy: 'user:test',
  issuedAt: new Date(),
  templateVersion: 1,
  render,
});

const pdfOf = async (number: string | null) => {
  // A yield inside the transaction, as rendering has, so that concurrent issues overlap.
  await new Promise((r) => setTimeout(r, Math.random() * 5));
  return Buffer.from(`%PDF-1.7 ${number ?? 'unnumbered'}`);
};

/**
 * Invoice numbers taken by issues racing on one store; on PostgreSQL through two pools of connections (two
 * processes). On SQLite one process has one connection, whose transactions take turns; two connections in
 * one process would block each other's event loop on the file's lock (node:sqlite waits synchronously), so
 * processes racing on one file are the killed-worker test's (api/documents/document-numbering-crash.test.ts).
 */
describe('issuing documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-documents-'));
  let stores: Store[] = [];
  beforeAll(async () => {
    const config = testStoreConfig(dir);
    stores = [await openStore(config, { migrate: true })];
    if (testStoreKind() === 'postgres') stores.push(await openStore(config, { migrate: false }));
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const em = (i: number) => stores[i % stores.length]!.em.fork();
  const numbersOf = async (series: string) =>
    (await em(0).find(DocumentRecord, { series }, { orderBy: { seriesNumber: 'asc' } })).map((d) => d.seriesNumber);

  it('numbers 30 invoices issued at once 1 to 30, with no gap and no number twice, while some attempts fail and are retried', async () => {
    const series = `INV-${new Date().getUTCFullYear()}`;
    const failed = new Set<number>();
    const issue = async (i: number): Promise<string | null> => {
      for (;;) {
        try {
          const render = async (number: string | null) => {
            // Every third issue fails its first attempt after taking its number, as a render or a dying worker would.
            if (i % 3 === 0 && !failed.has(i)) {
              failed.add(i);
              throw new Error('render failed');
            }
            return pdfOf(number);
          };
          return (await issueDocument(em(i), request(`race-${i}`, render))).number;
        } catch (err) {
          if ((err as Error).message !== 'render failed') throw err;
        }
      }
    };
    const numbers = await Promise.all(Array.from({ length: 30 }, (_, i) => issue(i)));
    expect(failed.size).toBe(10);
    expect(new Set(numbers).size).toBe(30);
    expect(await numbersOf(series)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('answers an issue asked again, at once or later, with the one stored document, and takes no number for it', async () => {
    const first = await Promise.all([0, 1, 2, 3].map((i) => issueDocument(em(i), request('twice', pdfOf))));
    expect(new Set(first.map((d) => d.id)).size).toBe(1);
    const again = await issueDocument(em(0), request('twice', () => Promise.reject(new Error('a stored document is never rendered again'))));
    expect(again).toEqual(first[0]);
    const next = await issueDocument(em(1), request('after-twice', pdfOf));
    expect(Number(next.number!.slice(-6))).toBe(Number(first[0]!.number!.slice(-6)) + 1);
    const stored = await documentPdf(em(0), first[0]!.id);
    expect(stored!.pdf.toString()).toBe(`%PDF-1.7 ${first[0]!.number}`);
  });

  it('numbers no shipping paper, and keeps one per order and kind', async () => {
    const slip = await issueDocument(em(0), request('slip', pdfOf, 'packing_slip'));
    expect(slip).toMatchObject({ number: null, kind: 'packing_slip', size: '%PDF-1.7 unnumbered'.length });
    expect((await issueDocument(em(1), request('slip', pdfOf, 'packing_slip'))).id).toBe(slip.id);
  });

  it('audits each document once, in the transaction that stores it: a repeated issue adds no entry', async () => {
    const invoice = await issueDocument(em(0), request('audited', pdfOf));
    await issueDocument(em(1), request('audited', pdfOf));
    const entries = await em(0).find(AuditEntryRecord, { subjectType: 'document', subjectId: invoice.id });
    expect(entries.map((e) => ({ action: e.action, actor: e.actor, data: e.data }))).toEqual([
      { action: 'invoice_issued', actor: 'user:test', data: expect.objectContaining({ orderId: 'audited', number: invoice.number, sha256: invoice.sha256, templateVersion: 1 }) },
    ]);
  });
});
