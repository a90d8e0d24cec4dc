/** Something that happens at a virtual time; `seq` is set by the queue. */
export interface Scheduled {
  time: number;
  seq?: number;
}

/**
 * The simulator's future events: a binary min-heap by time, then by the order they were scheduled in, so
 * two events at the same time always come out in the same order and a run is reproducible to the bit.
 */
export class EventQueue<E extends Scheduled> {
  private readonly heap: E[] = [];
  private scheduled = 0;

  get size(): number {
    return this.heap.length;
  }

  push(event: E): void {
    event.seq = this.scheduled++;
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = event;
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  pop(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

const before = (a: Scheduled, b: Scheduled) => a.time < b.time || (a.time === b.time && a.seq! < b.seq!);
