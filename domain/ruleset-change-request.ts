import { z } from 'zod';
import { DECISION_POINTS } from './decision-points.ts';
import { inFlightPolicy } from './in-flight-policy.ts';
import { rulesetDefinition } from './ruleset.ts';
import { paragraph } from './text.ts';

export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;

/** A publish waiting for a second ops manager, or decided: four-eyes approval. */
export const changeRequestView = z.object({
  id: z.string(),
  decisionPoint: z.enum(DECISION_POINTS),
  definition: rulesetDefinition,
  note: z.string(),
  effectiveFrom: z.string().nullable(),
  inFlight: inFlightPolicy.nullable(),
  /** Why it may be published although stored cases fail, when they do. */
  overrideReason: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejection: z.string().nullable(),
  /** The version an approval published. */
  version: z.number().nullable(),
});
export type ChangeRequestView = z.infer<typeof changeRequestView>;

export const changeRequestList = z.object({ approvalRequired: z.boolean(), changeRequests: z.array(changeRequestView) });
export type ChangeRequestList = z.infer<typeof changeRequestList>;

/** A publish that became a change request: answered 202. */
export const changeRequested = z.object({ changeRequest: changeRequestView });

export const rejectChangeRequest = z.strictObject({ reason: paragraph(500, 'say why the change is rejected, for its author') });
export const approvalSetting = z.strictObject({ required: z.boolean() });
