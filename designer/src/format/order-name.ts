/** How many of an id's characters name an order taken in without a reference: enough to tell it apart, short enough to read out. */
const SHORT_ID_LENGTH = 8;

/**
 * What people call an order: its reference. One taken in without a reference goes by the start of its
 * id, as a ticket number, never by the whole id, which is for support (the drawer copies it).
 */
export const orderName = (order: { id: string; reference: string | null }): string => order.reference ?? `#${order.id.slice(0, SHORT_ID_LENGTH)}`;
