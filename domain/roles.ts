export const ROLES = ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ops_manager: 'ops manager',
  dispatcher: 'dispatcher',
  specialist: 'order specialist',
  finance: 'finance',
  admin: 'admin',
  order_processor: 'order processor',
};

/**
 * Who may do what: the one table the API enforces and the designer reads to decide what to show.
 * Each route names one permission; a person may act when any of their roles is listed.
 */
export const PERMISSIONS = {
  'orders.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  // Order entry stays the dispatcher's desk: an order processor verifies what was taken, and does not take orders.
  'orders.create': ['ops_manager', 'dispatcher', 'admin'],
  // An order processor acts on the holds of verification (pricing, stock, delivery details): domain/action-roles.ts.
  'orders.act': ['dispatcher', 'specialist', 'finance', 'ops_manager', 'order_processor'],
  // Operation progress comes from the floor: a dispatcher's app, or a line terminal's token with that role.
  'orders.progress': ['dispatcher'],
  'rules.read': ['ops_manager', 'dispatcher', 'specialist', 'admin'],
  'rules.publish': ['ops_manager'],
  // Saving and publishing a draft: an ops manager, or a role an admin granted value-only editing of a ruleset
  // (domain/ruleset-locks.ts); the API checks the grant and the locks per ruleset.
  'rules.editValues': ['ops_manager', 'dispatcher', 'specialist', 'finance'],
  'rules.lock': ['admin'],
  // A backtest takes a core for up to minutes: who tunes the rules, and who runs the system.
  'rules.backtest': ['ops_manager', 'admin'],
  'workAreas.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'workAreas.manage': ['admin', 'ops_manager'],
  'workAreas.status': ['dispatcher', 'ops_manager', 'admin'],
  // Trends aggregate a period's history (the heaviest read): for who answers for on-time release and balance.
  'trends.read': ['ops_manager', 'admin'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'webhooks.manage': ['admin'],
  // Exports hand over many records at once: orders to whoever plans or reconciles with them, the rules'
  // reasoning to who tunes the rules, and the audit log (sign-ins and tokens too) to who answers for it.
  'orders.export': ['ops_manager', 'dispatcher', 'finance', 'admin', 'order_processor'],
  'decisions.export': ['ops_manager', 'admin'],
  'audit.export': ['ops_manager', 'admin'],
  // Products, price lists, stock and receipts (#19): the catalogue and its prices are commercial, stock is the floor's.
  'inventory.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'products.manage': ['admin', 'ops_manager'],
  'stock.receive': ['dispatcher', 'ops_manager', 'admin'],
  // When a warehouse's orders reserve their stock (at acceptance or at release) shapes release: who sets up the site and who runs release.
  'warehouses.manage': ['admin', 'ops_manager'],
  // Documents: shipping papers are the floor's, invoices the office's (the order processor makes both); a credit note corrects money owed.
  'documents.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'documents.issue': ['dispatcher', 'finance', 'ops_manager', 'order_processor'],
  'documents.credit': ['finance'],
  // Accounts: whoever reads orders reads the accounts behind them. The customer's record (name, tier, major
  // flag, contacts) is kept by the order processors who talk to customers, and by admins who set it up; the
  // money side (payment terms, credit limit, payments received) is finance's alone, so that who sells to a
  // customer never sets how much credit they get (an admin included: it administers people, not credit).
  'accounts.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'accounts.manage': ['admin', 'order_processor'],
  'accounts.credit': ['finance'],
  // Returns (RMA): the order processor requests, receives, inspects and settles them; approving is theirs below
  // the return rules' threshold and finance's above it (the RMA names its approver); whoever reads orders reads returns.
  'returns.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'returns.process': ['order_processor'],
  'returns.approve': ['order_processor', 'finance'],
  // End-of-day reconciliation: the order processor reconciles the day's orders and the ops manager answers for
  // the floor's day, so both read it; signing a day off (and reopening it) closes the day's cash, finance's alone.
  'reconciliation.read': ['finance', 'order_processor', 'ops_manager'],
  'reconciliation.signOff': ['finance'],
  // Trips (run sheets, #18): the dispatcher plans and changes them and the ops manager answers for the floor;
  // whoever reads orders reads the trips that carry them.
  'trips.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'trips.manage': ['dispatcher', 'ops_manager'],
  // Drivers (#18): who plans their work and who sets up people keep their shift, vehicle and zones; a driver's
  // token is issued by the dispatcher who hands out the work, or an admin; the live monitor is the floor's.
  'drivers.read': ['dispatcher', 'ops_manager', 'admin'],
  'drivers.manage': ['dispatcher', 'ops_manager', 'admin'],
  'drivers.tokens': ['dispatcher', 'admin'],
  'drivers.monitor': ['dispatcher', 'ops_manager'],
  // Routes and their sessions, and waybills (#18): the dispatcher runs them and the ops manager sets them up;
  // whoever reads orders reads them.
  'routes.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'routes.manage': ['dispatcher', 'ops_manager'],
  'waybills.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'waybills.manage': ['dispatcher', 'ops_manager'],
  // An order's conversation (#18): whoever reads orders reads it, whoever acts on orders writes in it.
  'conversations.read': ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'],
  'conversations.post': ['dispatcher', 'specialist', 'finance', 'ops_manager', 'order_processor'],
  // Customers' support tickets (#18): the support desk (dispatchers and order processors) works them; the ops
  // manager, who answers for the floor, reads the queue.
  'support.read': ['dispatcher', 'order_processor', 'ops_manager'],
  'support.answer': ['dispatcher', 'order_processor'],
  // Zones' shapes on the map (#18): the ops manager draws the floor's zones; admins keep zones with work areas.
  'zones.manage': ['ops_manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => (PERMISSIONS[permission] as readonly Role[]).includes(r));
}

/** "the dispatcher, order specialist or ops manager role" — for messages that say what is needed. */
export function describeRolesFor(permission: Permission): string {
  return describeRoles(PERMISSIONS[permission]);
}

export function describeRoles(roles: readonly Role[]): string {
  const labels = roles.map((r) => ROLE_LABELS[r]);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? '');
  return `the ${list} role`;
}
