/** A change the ticket cannot take now (closed, changed meanwhile, an assignee who cannot answer): the message says why. */
export class TicketRefusal extends Error {
  override name = 'TicketRefusal';
}
