import { evaluateRoute } from './evaluate-route.ts';
import type { Instance } from './instance.ts';
import type { UnplannedReason } from './sequencing-problem.ts';

/**
 * Keeps of each vehicle's pinned head the longest run it can drive, and returns the pinned stops it
 * had to drop: the first with the constraint that broke, the ones after it because their place
 * depended on it. Mutates `inst.pinnedHead`, so every later check sees the head actually kept.
 */
export function trimPinnedHeads(inst: Instance): { node: number; reason: UnplannedReason }[] {
  const dropped: { node: number; reason: UnplannedReason }[] = [];
  inst.pinnedHead.forEach((head, vehicle) => {
    for (let k = 1; k <= head.length; k++) {
      const prefix = head.slice(0, k);
      inst.pinnedHead[vehicle] = prefix;
      const check = evaluateRoute(inst, vehicle, prefix);
      if (check.ok) continue;
      inst.pinnedHead[vehicle] = head.slice(0, k - 1);
      dropped.push({ node: head[k - 1]!, reason: check.violation }, ...head.slice(k).map((node) => ({ node, reason: 'pin' as const })));
      return;
    }
    inst.pinnedHead[vehicle] = head;
  });
  return dropped;
}
