import type { OrderActionName } from '../../../domain/order.ts';

/** Button captions: what the person does, in the words of the floor. */
export const ACTION_LABELS: Record<OrderActionName, string> = {
  claim: 'Claim for review',
  unclaim: 'Release claim',
  approve: 'Approve',
  reject: 'Reject order',
  split: 'Split order',
  hold: 'Place hold',
  release_hold: 'Release hold',
  force_release: 'Force release',
  reassign: 'Reassign',
  start: 'Start work',
  complete: 'Complete',
  pick_up: 'Picked up',
  stage: 'Staged at hub',
  depart: 'Out for delivery',
  deliver: 'Delivered',
  fail_attempt: 'Attempt failed',
  return: 'Return',
  confirm_remit: 'Confirm remit',
  escalate: 'Escalate',
  resolve: 'Resolve: send back',
  cancel: 'Cancel order',
  change_priority: 'Change stated priority',
};
