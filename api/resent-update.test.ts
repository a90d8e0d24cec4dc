import { ServiceError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { sendUpdate } from './resent-update.ts';

const grpcError = (code: number, details: string) => Object.assign(new Error(details), { code, details, metadata: {} });
const dropped = () => new ServiceError('Workflow Update failed', { cause: grpcError(9, 'Unable to perform workflow execution update due to unexpected workflow task failure.') });

/** The update a server dropped with its failed workflow task is sent again, under the same id; anything else is the caller's. */
describe('sending an order update', () => {
  it.each([
    { failures: [dropped()], sent: 2, answers: true },
    { failures: [dropped(), dropped(), dropped(), dropped()], sent: 5, answers: true },
    { failures: [dropped(), dropped(), dropped(), dropped(), dropped()], sent: 5, answers: false },
    { failures: [new ServiceError('Workflow Update failed', { cause: grpcError(9, 'workflow execution already completed') })], sent: 1, answers: false },
    { failures: [new Error('refused')], sent: 1, answers: false },
  ])('after $failures.length failure(s): sent $sent time(s), answers: $answers', async ({ failures, sent, answers }) => {
    const ids: string[] = [];
    const send = async (updateId: string) => {
      ids.push(updateId);
      const failure = failures[ids.length - 1];
      if (failure) throw failure;
      return 'in_progress';
    };
    if (answers) await expect(sendUpdate(send)).resolves.toBe('in_progress');
    else await expect(sendUpdate(send)).rejects.toThrow();
    expect(ids).toHaveLength(sent);
    expect(new Set(ids).size).toBe(1);
  });
});
