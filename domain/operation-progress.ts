import { z } from 'zod';

/** Where a routing step is: not yet at its area, arrived there (direct load), or done (its load has left). */
export const OPERATION_STATES = ['waiting', 'arrived', 'done'] as const;

/** One step of a production order's routing with its progress. */
export const operationProgress = z.object({
  position: z.number().int().min(1),
  workAreaId: z.string(),
  hours: z.number(),
  state: z.enum(OPERATION_STATES),
  arrivedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Who reported the step done (or completed the order with it still open). */
  doneBy: z.string().nullable(),
});
export type OperationProgress = z.infer<typeof operationProgress>;

/** A routing step's place, as a path parameter: 1 for the first; a routing has at most 20 steps. */
export const operationPosition = z.coerce.number().int().min(1).max(20);
