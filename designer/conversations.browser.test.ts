import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { postMessage } from '../store/conversations/order-messages.ts';
import { TripOrderRecord, TripRecord } from '../store/trips/trip.entity.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** A dispatcher writes on an order's conversation and mentions a specialist, whose notification centre tells her at once. */
describe("an order's conversation in the browser", () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(username: string, path = '/'): Promise<Page> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${url}${path}`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  it('a mention in an order\'s conversation appears in the mentioned person\'s notification centre', async () => {
    const order = await session!.h.postOrder(`TALK-${Date.now()}`, 3);
    const orderPath = `/?view=orders&order=${encodeURIComponent(order.id)}`;

    const sofia = await signIn('sofia');
    await sofia.getByRole('button', { name: 'Notifications, none unread' }).waitFor();

    const dan = await signIn('dan', orderPath);
    const conversation = dan.getByTestId('order-drawer').getByTestId('order-conversation');
    await conversation.getByTestId('conversation-empty').waitFor();
    await conversation.getByTestId('conversation-post').click();
    await conversation.getByText('a message to post').waitFor();
    await conversation.getByTestId('conversation-text').fill('@sofia the customer asks for a morning slot <b>only</b>; can you confirm?');
    await conversation.getByTestId('conversation-post').click();
    const posted = conversation.getByTestId('conversation-message');
    await posted.getByText('Notified: @sofia').waitFor();
    // Markup arrives as the text typed, not as markup.
    await expect(posted.textContent()).resolves.toContain('<b>only</b>');
    expect(await conversation.getByTestId('conversation-text').inputValue()).toBe('');
    await conversation.scrollIntoViewIfNeeded();
    await checkScreen(dan, 'conversation-posted');

    // No reload: the stream tells Sofia's app.
    await sofia.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 45_000 });
    await sofia.getByRole('button', { name: /^Notifications/ }).click();
    const item = sofia.getByTestId('notification-item').filter({ hasText: `dan mentioned you on order ${order.reference}` });
    await item.waitFor();
    await checkScreen(sofia, 'conversation-mention-notification');
    await item.click();
    const thread = sofia.getByTestId('order-drawer').getByTestId('order-conversation');
    await thread.getByText('the customer asks for a morning slot').waitFor();
    await thread.scrollIntoViewIfNeeded();
    await checkScreen(sofia, 'conversation-mentioned-reads-thread');
    await sofia.close();
    await dan.close();
  });

  it("marks the driver's messages in the thread, and names the driver an @driver told", async () => {
    const order = await session!.h.postOrder(`TALK-DRV-${Date.now()}`, 3);
    const driverId = `drv-${Date.now()}`;
    // The order on a live trip of the driver's, as a committed plan leaves it: what @driver resolves through.
    const em = session!.h.store.em.fork();
    const now = new Date();
    em.create(TripRecord, { id: `trip-${driverId}`, driverId, workAreaId: session!.h.workAreaId, state: 'dispatched', createdBy: 'dan', createdAt: now, updatedAt: now });
    em.create(TripOrderRecord, { orderId: order.id, tripId: `trip-${driverId}` });
    await em.flush();
    // What POST /driver/trips/:tripId/orders/:orderId/messages writes.
    await postMessage(session!.h.store.em, { orderId: order.id, author: { kind: 'driver', id: driverId, name: 'Ana Driver' }, text: 'Gate is locked, waiting at the side door', actor: `driver:${driverId}`, now });

    const dan = await signIn('dan', `/?view=orders&order=${encodeURIComponent(order.id)}`);
    const conversation = dan.getByTestId('order-drawer').getByTestId('order-conversation');
    const fromDriver = conversation.getByTestId('conversation-message').filter({ hasText: 'Gate is locked' });
    await fromDriver.getByText('Ana Driver').waitFor();
    await fromDriver.getByText('driver', { exact: true }).waitFor();
    await conversation.getByTestId('conversation-text').fill('@driver ring the bell at number 12, they have the key');
    await conversation.getByTestId('conversation-post').click();
    await conversation.getByText(`Notified: driver ${driverId}`).waitFor();
    await conversation.scrollIntoViewIfNeeded();
    await checkScreen(dan, 'conversation-driver-in-thread');
    await dan.close();
  });
});
