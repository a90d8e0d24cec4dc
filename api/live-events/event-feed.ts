import { listenForCommits } from '../../store/dialect.ts';
import type { Store } from '../../store/open-store.ts';
import { latestPosition, readOrderEvents, type EventPosition, type PositionedEvent } from '../../store/order-events.ts';
import { credentialKey, liveCredentials, type StreamCredential } from './stream-credentials.ts';
import { log } from '../../logging/logger.ts';

/*
 * One reader of the audit log per API process, however many browsers follow it: it reads each new event
 * once and hands it to every stream. On PostgreSQL it listens for the writers' NOTIFY and reads as soon as
 * one commits (polling slowly in case the listening connection drops); on SQLite it polls, and is woken at
 * once by commits made in this process. It runs while at least one stream is open.
 */

const PAGE = 500;
// Commits in this process can come hundreds a second; one read in this long serves all of them.
const MIN_READ_GAP_MS = 20;

export interface FeedOptions {
  /** How often to look for new events when nothing wakes the reader (SQLite). */
  pollMs: number;
  /** How often to look when listening for commits, in case a notification was lost. */
  listeningPollMs: number;
  /** How often the credentials of the open streams are checked, so that a stream ends with its session. */
  credentialCheckMs: number;
}

export const DEFAULT_FEED_OPTIONS: FeedOptions = { pollMs: 250, listeningPollMs: 5_000, credentialCheckMs: 5_000 };

export interface FeedSubscriber {
  credential: StreamCredential;
  /** Called with every batch of events the reader reads after the subscriber joined, in commit order. */
  deliver(batch: PositionedEvent[]): void;
  /** The credential is no longer good: the stream must end. */
  end(): void;
}

export class EventFeed {
  private readonly subscribers = new Set<FeedSubscriber>();
  private running: Promise<void> | null = null;
  private started: Promise<void> | null = null;
  private cursor: EventPosition | null = null;
  private woken = false;
  private wakeUp: (() => void) | null = null;
  /** Store reads the reader has made: one per poll or wake-up, however many streams it serves. */
  reads = 0;

  /** Live event streams open on the feed. */
  get streams(): number {
    return this.subscribers.size;
  }

  private readonly store: Store;
  private readonly options: FeedOptions;

  constructor(store: Store, options: FeedOptions) {
    this.store = store;
    this.options = options;
    store.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => this.wake(), afterFlush: () => this.wake() });
  }

  /**
   * Adds a subscriber once the reader knows where it starts: events committed from then on reach it
   * through `deliver`, so it reads what came before from the store itself. Answers how to leave.
   */
  async subscribe(subscriber: FeedSubscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    if (!this.running) {
      let ready!: () => void;
      this.started = new Promise<void>((resolve) => (ready = resolve));
      this.running = this.run(ready).catch((err: unknown) => {
        log.warn({ component: 'events', err }, 'the reader stopped');
        this.running = null;
        for (const subscriber of this.subscribers) subscriber.end();
      });
    }
    await this.started;
    return () => {
      this.subscribers.delete(subscriber);
      this.wake();
    };
  }

  /** Reads now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(ready: () => void): Promise<void> {
    let listener: Awaited<ReturnType<typeof listenForCommits>> = null;
    let lost = false;
    const listen = async () => {
      lost = false;
      // A listening connection that could not be opened is tried again after the next poll.
      listener = await listenForCommits(this.store, () => this.wake(), () => {
        lost = true;
        this.wake();
      }).catch(() => {
        lost = true;
        return null;
      });
    };
    try {
      await listen();
      this.cursor = await latestPosition(this.store.em.fork());
    } finally {
      ready();
    }
    let lastCheck = Date.now();
    let lastRead = 0;
    for (;;) {
      // Decided in the same tick as a later subscribe() sees it, so that one starts a reader of its own.
      if (this.subscribers.size === 0) {
        this.running = null;
        break;
      }
      const sinceRead = Date.now() - lastRead;
      if (sinceRead < MIN_READ_GAP_MS) await new Promise((resolve) => setTimeout(resolve, MIN_READ_GAP_MS - sinceRead));
      this.woken = false;
      lastRead = Date.now();
      const batch = await this.read();
      if (batch.length === PAGE) continue;
      if (Date.now() - lastCheck >= this.options.credentialCheckMs) {
        await this.endRevoked();
        lastCheck = Date.now();
      }
      if (lost) {
        await (listener as { close(): Promise<void> } | null)?.close();
        await listen();
      }
      await this.sleep(listener && !lost ? Math.min(this.options.listeningPollMs, this.options.credentialCheckMs) : this.options.pollMs);
    }
    await (listener as { close(): Promise<void> } | null)?.close();
  }

  private async read(): Promise<PositionedEvent[]> {
    this.reads++;
    const batch = await readOrderEvents(this.store.em.fork(), this.cursor!, PAGE).catch((err: unknown) => {
      log.warn({ component: 'events', err }, 'reading the audit log failed; trying again');
      return [];
    });
    if (batch.length === 0) return batch;
    this.cursor = batch.at(-1)!.position;
    for (const subscriber of this.subscribers) subscriber.deliver(batch);
    return batch;
  }

  private async endRevoked(): Promise<void> {
    const subscribers = [...this.subscribers];
    this.reads++;
    const live = await liveCredentials(this.store.em.fork(), subscribers.map((s) => s.credential), new Date()).catch(() => null);
    if (!live) return;
    for (const subscriber of subscribers) if (!live.has(credentialKey(subscriber.credential))) subscriber.end();
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

const feeds = new WeakMap<Store, EventFeed>();

/** The process's one feed of the store's events. */
export function eventFeedOf(store: Store, options: FeedOptions = DEFAULT_FEED_OPTIONS): EventFeed {
  let feed = feeds.get(store);
  if (!feed) feeds.set(store, (feed = new EventFeed(store, options)));
  return feed;
}

/** Live event streams open on the store's feed in this process, without starting a feed. */
export const openStreams = (store: Store): number => feeds.get(store)?.streams ?? 0;
