import type { Role } from '../../domain/roles.ts';
import { log } from '../../logging/logger.ts';
import { latestNotificationPosition, readNotificationsAfter, type AddressedNotification, type NotificationPosition } from '../../store/notifications/notifications.ts';
import type { Store } from '../../store/open-store.ts';
import { credentialKey, liveCredentials, type StreamCredential } from '../live-events/stream-credentials.ts';

/*
 * One reader of the notifications table per API process, however many people follow it: it reads each new
 * notification once, in commit order, and tells the streams of the people it is addressed to (themselves,
 * or a role of theirs). It polls once a second, and at once after a commit made in this process; it runs
 * while at least one stream is open. A stream says only "new notification <id>": the app reads it, and the
 * count, through the API, so a stream that missed one (it reconnected) is put right by the next read.
 */

const PAGE = 500;

export interface NotificationFeedOptions {
  pollMs: number;
  credentialCheckMs: number;
}

export const DEFAULT_NOTIFICATION_FEED_OPTIONS: NotificationFeedOptions = { pollMs: 1_000, credentialCheckMs: 5_000 };

export interface NotificationSubscriber {
  credential: StreamCredential;
  readerId: string;
  roles: readonly Role[];
  deliver(notification: AddressedNotification): void;
  end(): void;
}

const addressedTo = (s: NotificationSubscriber, n: AddressedNotification) => n.userId === s.readerId || (n.role !== null && s.roles.includes(n.role));

export class NotificationFeed {
  private readonly subscribers = new Set<NotificationSubscriber>();
  private running: Promise<void> | null = null;
  private started: Promise<void> | null = null;
  private cursor: NotificationPosition | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private readonly store: Store;
  private readonly options: NotificationFeedOptions;

  constructor(store: Store, options: NotificationFeedOptions) {
    this.store = store;
    this.options = options;
    store.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => this.wake(), afterFlush: () => this.wake() });
  }

  async subscribe(subscriber: NotificationSubscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    if (!this.running) {
      let ready!: () => void;
      this.started = new Promise<void>((resolve) => (ready = resolve));
      this.running = this.run(ready).catch((err: unknown) => {
        log.warn({ component: 'notifications', err }, 'the reader stopped');
        this.running = null;
        for (const s of this.subscribers) s.end();
      });
    }
    await this.started;
    return () => {
      this.subscribers.delete(subscriber);
      this.wake();
    };
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(ready: () => void): Promise<void> {
    try {
      this.cursor = await latestNotificationPosition(this.store.em.fork());
    } finally {
      ready();
    }
    let lastCheck = Date.now();
    for (;;) {
      if (this.subscribers.size === 0) {
        this.running = null;
        return;
      }
      this.woken = false;
      const batch: AddressedNotification[] = await readNotificationsAfter(this.store.em.fork(), this.cursor!, PAGE).catch((err: unknown) => {
        log.warn({ component: 'notifications', err }, 'reading notifications failed; trying again');
        return [];
      });
      if (batch.length > 0) this.cursor = batch.at(-1)!.position;
      for (const n of batch) for (const s of this.subscribers) if (addressedTo(s, n)) s.deliver(n);
      if (batch.length === PAGE) continue;
      if (Date.now() - lastCheck >= this.options.credentialCheckMs) {
        await this.endRevoked();
        lastCheck = Date.now();
      }
      await this.sleep(this.options.pollMs);
    }
  }

  private async endRevoked(): Promise<void> {
    const subscribers = [...this.subscribers];
    const live = await liveCredentials(this.store.em.fork(), subscribers.map((s) => s.credential), new Date()).catch(() => null);
    if (!live) return;
    for (const s of subscribers) if (!live.has(credentialKey(s.credential))) s.end();
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}

const feeds = new WeakMap<Store, NotificationFeed>();

/** The process's one feed of the store's notifications. */
export function notificationFeedOf(store: Store, options: NotificationFeedOptions = DEFAULT_NOTIFICATION_FEED_OPTIONS): NotificationFeed {
  let feed = feeds.get(store);
  if (!feed) feeds.set(store, (feed = new NotificationFeed(store, options)));
  return feed;
}
