import type { Instance } from './instance.ts';

/** The requests on a route that may move: pinned stops stay; a pair moves as one unless its other half is pinned. */
export function movableRequests(inst: Instance, nodes: readonly number[]): number[][] {
  const requests: number[][] = [];
  for (const node of nodes) {
    if (inst.pinnedNode[node]) continue;
    const partner = inst.partner[node]!;
    if (inst.role[node] === 0 || inst.pinnedNode[partner]) requests.push([node]);
    else if (inst.role[node] === 1) requests.push([node, partner]);
  }
  return requests;
}

export function without(nodes: readonly number[], request: readonly number[]): number[] {
  return nodes.filter((node) => !request.includes(node));
}
