import type { FieldIssue } from '../errors.ts';
import { TICKET_TOPIC_WORDS, TICKET_TOPICS, type PublicTicketView } from '../../domain/support/support-ticket.ts';
import type { TrackingView } from '../../domain/tracking.ts';

/*
 * The customer's tracking page: plain HTML with no script, one inline style block allowed by its nonce.
 * Everything from the store or the customer is escaped; nothing but the tracking view reaches it.
 */

const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The caller's first language the runtime knows, for dates; English otherwise. */
export function pageLocale(acceptLanguage: string | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 10)) {
    const tag = part.split(';')[0]!.trim();
    try {
      if (tag && tag !== '*' && Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0) return tag;
    } catch {
      // A malformed tag names no language: try the next.
    }
  }
  return 'en';
}

const when = (iso: string, locale: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}.status{font-size:1.3rem;font-weight:700;color:#1864ab}
dt{font-weight:600}dd{margin:0 0 .75rem}label{display:block;font-weight:600;margin-top:.75rem}
input,textarea,select{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;border:1px solid #495057;border-radius:4px}
button{margin-top:1rem;font:inherit;padding:.5rem 1rem;background:#1864ab;color:#fff;border:0;border-radius:4px}
.tickets{list-style:none;padding:0}.ticket{border:1px solid #ced4da;border-radius:4px;padding:.75rem;margin-bottom:1rem}
.who{margin:0;font-size:.9rem;color:#495057}.text{white-space:pre-wrap;overflow-wrap:anywhere}.reply.support{border-left:4px solid #1864ab;padding-left:.75rem}
.note{padding:.75rem;border-radius:4px;background:#ebfbee;color:#1b5e20}.errors{padding:.75rem;border-radius:4px;background:#fff5f5;color:#a51111}`;

function page(nonce: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${escape(title)}</title><style nonce="${escape(nonce)}">${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface TicketFormState {
  values?: Partial<Record<'topic' | 'name' | 'contact' | 'message', string>>;
  issues?: FieldIssue[];
  sent?: boolean;
  /** A reply under a question that was refused: shown again there with what to correct. */
  reply?: { ticketId: string; message: string; issues: FieldIssue[] };
}

const issueList = (issues: FieldIssue[]) =>
  `<div class="errors" role="alert"><p>Please check your message:</p><ul>${issues.map((i) => `<li>${escape(`${i.path || 'form'}: ${i.message}`)}</li>`).join('')}</ul></div>`;

const STATUS_WORDS: Record<PublicTicketView['status'], string> = { open: 'Waiting for an answer', assigned: 'Someone is looking into it', answered: 'Answered', closed: 'Closed' };

/** The order's questions, and the token of the page's link, which their reply forms post under. */
export interface PageTickets {
  token: string;
  items: readonly PublicTicketView[];
}

/** The customer's questions with the answers; under each, a reply (which reopens it). */
function ticketList({ token, items: tickets }: PageTickets, locale: string, timeZone: string, form: TicketFormState): string {
  if (tickets.length === 0) return '';
  const items = tickets.map((t, i) => {
    const replies = t.replies
      .map((r) => `<div class="reply ${r.from}"><p class="who">${r.from === 'support' ? 'Our answer' : 'You wrote'}, ${escape(when(r.createdAt, locale, timeZone))}</p><p class="text">${escape(r.text)}</p></div>`)
      .join('');
    const refused = form.reply?.ticketId === t.id ? form.reply : undefined;
    return `<li class="ticket"><p class="who">${escape(TICKET_TOPIC_WORDS[t.topic])}, ${escape(when(t.createdAt, locale, timeZone))}: <strong>${escape(STATUS_WORDS[t.status])}</strong></p>
<p class="text">${escape(t.message)}</p>${replies}
<form method="post" action="/track/${escape(encodeURIComponent(token))}/replies" aria-label="Reply to question ${i + 1}">${refused ? issueList(refused.issues) : ''}
<input type="hidden" name="ticket" value="${escape(t.id)}">
<label for="reply-${i}">Reply</label><textarea id="reply-${i}" name="message" maxlength="2000" rows="2" required>${escape(refused?.message ?? '')}</textarea>
<button type="submit">Send reply</button></form></li>`;
  });
  return `<h2 id="questions">Your questions</h2><ul class="tickets" aria-labelledby="questions">${items.join('')}</ul>`;
}

function ticketForm(state: TicketFormState): string {
  const value = (field: 'name' | 'contact' | 'message') => escape(state.values?.[field] ?? '');
  const errors = state.issues?.length ? issueList(state.issues) : '';
  const chosen = state.sent ? 'other' : (state.values?.topic ?? 'other');
  const topics = TICKET_TOPICS.map((t) => `<option value="${t}"${t === chosen ? ' selected' : ''}>${escape(TICKET_TOPIC_WORDS[t])}</option>`).join('');
  const sent = state.sent ? '<p class="note" role="status">Thank you: we have your message and will answer you soon.</p>' : '';
  return `<h2 id="ask">Ask us about this order</h2>${sent}${errors}
<form method="post" aria-labelledby="ask">
<label for="topic">About</label><select id="topic" name="topic">${topics}</select>
<label for="name">Your name</label><input id="name" name="name" maxlength="100" required autocomplete="name" value="${state.sent ? '' : value('name')}">
<label for="contact">Email or phone</label><input id="contact" name="contact" maxlength="254" required autocomplete="email" value="${state.sent ? '' : value('contact')}">
<label for="message">Your message</label><textarea id="message" name="message" maxlength="2000" rows="5" required>${state.sent ? '' : value('message')}</textarea>
<button type="submit">Send</button></form>`;
}

export function trackingPage(view: TrackingView, locale: string, nonce: string, form: TicketFormState, tickets: PageTickets): string {
  const lastMile = view.lastMile
    ? `<dt>Delivery status</dt><dd>${escape(view.lastMile.status)}${view.lastMile.since ? ` since ${escape(when(view.lastMile.since, locale, view.timeZone))}` : ''}</dd>`
    : '';
  return page(
    nonce,
    `Order ${view.reference}: ${view.statusText}`,
    `<h1>Your order ${escape(view.reference)}</h1>
<p class="status">${escape(view.statusText)}</p>
<dl><dt>Expected</dt><dd><time datetime="${escape(view.expectedAt)}">${escape(when(view.expectedAt, locale, view.timeZone))}</time></dd>${lastMile}</dl>
${ticketList(tickets, locale, view.timeZone, form)}${ticketForm(form)}`,
  );
}

/** The same page for every token that names no order, well-formed or not. */
export const notTrackedPage = (nonce: string): string =>
  page(nonce, 'Tracking link not found', '<h1>This tracking link does not work</h1><p>Check the link on your shipping label, or contact the sender of your order.</p>');

export const tooManyRequestsPage = (nonce: string, seconds: number): string =>
  page(nonce, 'Too many requests', `<h1>Too many requests</h1><p>Please try again in ${seconds} seconds.</p>`);
