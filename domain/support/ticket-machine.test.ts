import { describe, expect, it } from 'vitest';
import { stepTicket, type TicketEvent, type TicketState, type TicketStatus } from './ticket-machine.ts';

const assign: TicketEvent = { type: 'assign', assignee: 'dan' };
const answer: TicketEvent = { type: 'answer', by: 'paula' };
const close: TicketEvent = { type: 'close' };
const reply: TicketEvent = { type: 'customer_reply' };

const t = (status: TicketStatus, assignee: string | null = null): TicketState => ({ status, assignee });

describe('a support ticket\'s lifecycle', () => {
  it.each<[TicketState, TicketEvent, TicketState | string]>([
    [t('open'), assign, t('assigned', 'dan')],
    [t('assigned', 'paula'), assign, t('assigned', 'dan')],
    [t('answered', 'paula'), assign, t('answered', 'dan')],
    [t('closed', 'paula'), assign, 'closed'],
    [t('open'), answer, t('answered', 'paula')],
    [t('assigned', 'dan'), answer, t('answered', 'dan')],
    [t('answered', 'dan'), answer, t('answered', 'dan')],
    [t('closed', 'dan'), answer, 'closed'],
    [t('open'), close, t('closed')],
    [t('assigned', 'dan'), close, t('closed', 'dan')],
    [t('answered', 'dan'), close, t('closed', 'dan')],
    [t('closed', 'dan'), close, 'closed already'],
    [t('open'), reply, t('open')],
    [t('assigned', 'dan'), reply, t('assigned', 'dan')],
    [t('answered', 'dan'), reply, t('assigned', 'dan')],
    [t('closed', 'dan'), reply, t('assigned', 'dan')],
    [t('closed'), reply, t('open')],
  ])('%o on %o → %o', (from, event, expected) => {
    const step = stepTicket(from, event);
    if (typeof expected === 'string') expect(step).toEqual({ ok: false, refusal: expect.stringContaining(expected) });
    else expect(step).toEqual({ ok: true, next: expected });
  });
});
