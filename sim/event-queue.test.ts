import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { sfc32 } from './random-streams.ts';

type Tagged = { time: number; seq?: number; tag: string };
const drain = (queue: EventQueue<Tagged>) => {
  const out: string[] = [];
  for (let e = queue.pop(); e; e = queue.pop()) out.push(e.tag);
  return out;
};

describe('the event queue', () => {
  it.each([
    { name: 'earlier first', events: [[3, 'c'], [1, 'a'], [2, 'b']], order: ['a', 'b', 'c'] },
    { name: 'ties in the order scheduled', events: [[1, 'x'], [1, 'y'], [0, 'w'], [1, 'z']], order: ['w', 'x', 'y', 'z'] },
    { name: 'empty', events: [], order: [] },
  ] as { name: string; events: [number, string][]; order: string[] }[])('$name', ({ events, order }) => {
    const queue = new EventQueue<Tagged>();
    for (const [time, tag] of events) queue.push({ time, tag });
    expect(drain(queue)).toEqual(order);
  });

  it('pops, at every step, the earliest of what is in it, ties by the order scheduled', () => {
    const u = sfc32(7);
    const queue = new EventQueue<Tagged>();
    const inside: Tagged[] = [];
    for (let i = 0; i < 5000; i++) {
      if (u() < 0.6 || inside.length === 0) {
        const event = { time: Math.floor(u() * 50), tag: String(i) };
        queue.push(event);
        inside.push(event);
        continue;
      }
      const earliest = inside.reduce((a, b) => (b.time < a.time || (b.time === a.time && b.seq! < a.seq!) ? b : a));
      inside.splice(inside.indexOf(earliest), 1);
      expect(queue.pop()).toBe(earliest);
    }
    expect(queue.size).toBe(inside.length);
  });
});
