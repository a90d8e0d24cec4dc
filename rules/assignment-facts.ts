import type { Resource } from '../domain/resource.ts';
import { priorityFacts, type PriorityFactsInput } from './priority-facts.ts';

export type AssignmentOrder = PriorityFactsInput & { paymentMode: string; zone?: string | null; requiredSkills?: readonly string[] | null; carrierType?: string | null };

/**
 * The facts the assignment decision point offers about one candidate resource for an order, with what the
 * candidate has in hand. An order that names no carrier type has no orderCarrierType, and every candidate matches it.
 */
export function assignmentFacts(
  order: AssignmentOrder,
  resource: Pick<Resource, 'id' | 'capacity' | 'skills' | 'carrierType'> & { zone?: string | null },
  load: { inHand: number; openRemits: number },
  now: Date,
): Record<string, unknown> {
  const requiredSkills = [...(order.requiredSkills ?? [])];
  const missingSkills = requiredSkills.filter((skill) => !resource.skills.includes(skill));
  return {
    resourceId: resource.id,
    kind: order.kind,
    paymentMode: order.paymentMode,
    orderValue: priorityFacts(order, now).orderValue,
    requiredSkills,
    missingSkills,
    hasRequiredSkills: missingSkills.length === 0,
    ...(order.zone ? { zone: order.zone } : {}),
    ...(resource.zone ? { resourceZone: resource.zone } : {}),
    resourceLoad: load.inHand,
    resourceCapacity: resource.capacity,
    resourceSkills: resource.skills,
    carrierType: resource.carrierType,
    ...(order.carrierType ? { orderCarrierType: order.carrierType } : {}),
    carrierTypeMatches: !order.carrierType || order.carrierType === resource.carrierType,
    resourceHasOpenRemit: load.openRemits > 0,
  };
}
