import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { DocumentSummary } from '../domain/document.ts';
import type { OrderSummary } from '../domain/order.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { pdfText } from '../test/pdf-text.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** Finance credits an issued invoice from the order drawer, with a reason; a dispatcher sees why they cannot. */
describe('a credit note from the order drawer', () => {
  let session: DesignerSession | undefined;
  let order: OrderSummary;
  let invoice: DocumentSummary;
  beforeAll(async () => {
    session = await openDesigner();
    const { h } = session;
    await h.startWorker(await bundleWorkflows());
    const posted = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: 'CREDIT-1', account: 'Ærø Köln', dueAt: hoursFromNow(3), workAreaId: h.workAreaId, lines: [{ sku: 'CRATE-1', qty: 4, price: 12.5 }] }),
    });
    order = (await posted.json()) as OrderSummary;
    const issued = await h.request(`/orders/${order.id}/documents`, { method: 'POST', role: 'finance', body: JSON.stringify({ kind: 'invoice' }) });
    expect(issued.status).toBe(201);
    invoice = (await issued.json()) as DocumentSummary;
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  async function openOrderAs(username: string): Promise<Page> {
    const page = await openPage(session!.browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${session!.url}/?view=orders&order=${order.id}`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    const documents = page.getByTestId('order-drawer').getByTestId('order-documents');
    await documents.getByTestId('document-row-invoice').getByText(invoice.number!).waitFor();
    return page;
  }

  it('finance gives a reason and issues the credit note; the invoice offers no second one', { timeout: 180_000 }, async () => {
    const page = await openOrderAs('fred');
    const documents = page.getByTestId('order-drawer').getByTestId('order-documents');
    await documents.getByTestId('document-credit').click();
    const form = documents.getByTestId('credit-note-form');
    await form.getByText(`Credit invoice ${invoice.number} in full`).waitFor();
    await form.getByTestId('credit-note-submit').click();
    await form.getByText('say why the invoice is credited').waitFor();
    await documents.scrollIntoViewIfNeeded();
    await checkScreen(page, 'credit-note-form');

    await form.getByTestId('credit-note-reason').fill('Two crates arrived broken');
    await form.getByTestId('credit-note-submit').click();
    const note = documents.getByTestId('document-row-credit_note');
    await note.getByText(/CN-\d{4}-\d{6}/).waitFor();
    await expect(documents.getByTestId('credit-note-form').count()).resolves.toBe(0);
    await expect(documents.getByTestId('document-credit').count()).resolves.toBe(0);
    await checkScreen(page, 'credit-note-issued');

    const { documents: stored } = (await (await session!.h.request(`/orders/${order.id}/documents`)).json()) as { documents: DocumentSummary[] };
    const credit = stored.find((d) => d.kind === 'credit_note')!;
    expect(credit).toMatchObject({ correctsId: invoice.id, reason: 'Two crates arrived broken', issuedBy: expect.stringMatching(/^user:/) });
    const text = (await pdfText(new Uint8Array(await (await session!.h.request(`/documents/${credit.id}/pdf`)).arrayBuffer()))).pages.join(' ');
    expect(text).toContain(`Corrects invoice: ${invoice.number}`);
    expect(text).toContain('Two crates arrived broken');
  });

  it('a dispatcher sees no credit button, and that crediting needs finance', { timeout: 120_000 }, async () => {
    const page = await openOrderAs('dan');
    const documents = page.getByTestId('order-drawer').getByTestId('order-documents');
    await documents.getByTestId('document-credit-needs').getByText('Crediting an invoice needs the finance role.').waitFor();
    await expect(documents.getByTestId('document-credit').count()).resolves.toBe(0);
    await documents.scrollIntoViewIfNeeded();
    await checkScreen(page, 'credit-note-not-finance');
  });
});
