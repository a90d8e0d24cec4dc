/** An order a committed plan takes from one driver to another. */
export interface PlanMove {
  orderId: string;
  from: string | null;
  to: string;
}

/**
 * The order to make a plan's reassignments in so that each driver gives orders away before taking more: a
 * plan that keeps every driver within capacity once committed can still pass a driver over it on the way (it
 * takes another's orders before handing its own on), and the assignment rules refuse a driver at capacity.
 * Each step takes the first move whose driver has room; moves that never find room (drivers full in a
 * cycle) come last, in the order given, for the rules to refuse with their reason.
 */
export function reassignmentOrder(moves: readonly PlanMove[], inHand: ReadonlyMap<string, number>, capacity: ReadonlyMap<string, number>): PlanMove[] {
  const load = new Map(inHand);
  const left = [...moves];
  const ordered: PlanMove[] = [];
  const hasRoom = (m: PlanMove) => (load.get(m.to) ?? 0) < (capacity.get(m.to) ?? Infinity);
  for (let next = left.findIndex(hasRoom); next >= 0; next = left.findIndex(hasRoom)) {
    const [move] = left.splice(next, 1) as [PlanMove];
    ordered.push(move);
    load.set(move.to, (load.get(move.to) ?? 0) + 1);
    if (move.from !== null) load.set(move.from, (load.get(move.from) ?? 0) - 1);
  }
  return [...ordered, ...left];
}
