/**
 * Reads started before the screen that needs them has rendered (main.tsx starts the first screen's while
 * its code loads), handed to that screen's `useResource` under the same key. A primed read is taken once
 * and only while fresh: a screen opened later reads anew.
 */
interface Primed {
  promise: Promise<unknown>;
  at: number;
  settled?: { data: unknown };
}

const FRESH_FOR_MS = 10_000;
const primed = new Map<string, Primed>();

export function primeRead(key: string, load: () => Promise<unknown>): Promise<unknown> {
  const started = primed.get(key);
  if (started) return started.promise;
  const entry: Primed = { promise: load(), at: Date.now() };
  // A failure is the screen's to show, when it takes the read; until then it is not unhandled.
  entry.promise.then(
    (data) => {
      entry.settled = { data };
    },
    () => undefined,
  );
  primed.set(key, entry);
  return entry.promise;
}

/** A read whose answer is already in hand (the server put it in the page): the screen shows it at once. */
export function primeAnswered(key: string, data: unknown): Promise<unknown> {
  const promise = Promise.resolve(data);
  primed.set(key, { promise, at: Date.now(), settled: { data } });
  return promise;
}

function fresh(key: string): Primed | undefined {
  const entry = primed.get(key);
  if (entry && Date.now() - entry.at > FRESH_FOR_MS) primed.delete(key);
  return primed.get(key);
}

/** The primed read's answer, if it has already come: the screen's first render can show it. */
export function primedAnswer(key: string): { data: unknown } | undefined {
  return fresh(key)?.settled;
}

/** The primed read for this key, handed over once. */
export function takePrimed(key: string): Promise<unknown> | undefined {
  const entry = fresh(key);
  primed.delete(key);
  return entry?.promise;
}
