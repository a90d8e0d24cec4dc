import type { EntityManager } from '@mikro-orm/sql';
import { judgeCandidates } from '../activities/assignment-candidates.ts';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import type { OrderRecord } from '../store/order.entity.ts';
import { ResourceRecord } from '../store/resource.entity.ts';
import { findPublishedRuleset } from '../store/rulesets.ts';
import { UserRecord } from '../store/user.entity.ts';
import { UserError } from './errors.ts';

const unknownTarget = (message: string) => new UserError(400, 'invalid_request', message, [{ path: 'resource', message: 'not one who may take the order' }]);

/** A review goes to a specialist: a person with the role (by user name), or a specialist's token (`token:<name>`). */
async function checkSpecialist(em: EntityManager, name: string): Promise<void> {
  const found = name.startsWith('token:')
    ? await em.findOne(ApiTokenRecord, { name: name.slice('token:'.length), role: 'specialist', revokedAt: null })
    : await em.findOne(UserRecord, { username: name, disabled: false }).then((u) => (u?.roles.includes('specialist') ? u : null));
  if (!found) throw unknownTarget(`${name} is not an order specialist: a review is handed to a person (or token) with the order specialist role.`);
}

/**
 * Who a person may reassign an order to: a resource of its work area (its team when the area has none on
 * record), or for a review, a specialist. A resource the assignment rules would skip is taken only with an
 * explicit override, and the rules' objection is returned so the audit entry carries it.
 */
export async function reassignTarget(em: EntityManager, order: OrderRecord, resource: string, override: boolean, now: Date): Promise<{ objection?: string }> {
  if (order.state === 'specialist_review') {
    await checkSpecialist(em, resource);
    return {};
  }
  const resources = await em.find(ResourceRecord, { workAreaId: order.workAreaId }, { orderBy: { id: 'asc' } });
  const team = `${order.workAreaId} team`;
  if (resources.length === 0) {
    if (resource === team) return {};
    throw unknownTarget(`${resource} is not a resource of work area ${order.workAreaId}, which has none on record: reassign to "${team}", or add the resource to the area first.`);
  }
  const target = resources.find((r) => r.id === resource);
  if (!target) throw unknownTarget(`${resource} is not a resource of work area ${order.workAreaId}. Its resources: ${resources.map((r) => r.id).join(', ')}.`);
  const ruleset = await findPublishedRuleset(em, 'assignment', now);
  const [verdict] = await judgeCandidates(em, order, [target], ruleset ? compileRuleset(ruleset.definition).evaluate : null, now);
  if (!verdict || verdict.type === 'assign') return {};
  const objection = `${target.name}: ${verdict.reason}`;
  if (!override) {
    throw new UserError(409, 'assignment_objection', `The assignment rules would not give the order to ${objection} To reassign anyway, override the rules with your reason (override: true).`);
  }
  return { objection };
}
