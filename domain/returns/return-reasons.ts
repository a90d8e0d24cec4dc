import { z } from 'zod';

// Apart from rma.ts so that the decision points' catalogue can name the reasons without the order schemas.
export const RETURN_REASONS = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other'] as const;
export const returnReason = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof returnReason>;
export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  damaged: 'Damaged in transit',
  defective: 'Defective',
  wrong_item: 'Wrong item sent',
  not_as_described: 'Not as described',
  no_longer_needed: 'No longer needed',
  other: 'Other',
};
