import { can, type Permission, type Role } from '../../domain/roles.ts';

/** The app's screens, in tab order, each with the permissions that open it (any one of them is enough). */
const VIEWS = {
  orders: { label: 'Orders', needs: ['orders.read'] },
  // Trends over shifts, days and weeks, each figure a link to its orders.
  dashboard: { label: 'Dashboard', needs: ['trends.read'] },
  import: { label: 'Import', needs: ['orders.create'] },
  // The floor: people who run the areas (their status is theirs to change) see how full each one is.
  areas: { label: 'Work areas', needs: ['workAreas.status'] },
  // The rules of every decision point; the id predates that and stays, as tests and bookmarks name it.
  'priority-rules': { label: 'Rules', needs: ['rules.read'] },
  // Bulk jobs: one action over many orders, a dry run first (`orders=` or `filter=` say which).
  bulk: { label: 'Bulk', needs: ['orders.act'] },
  accounts: { label: 'Accounts', needs: ['accounts.read'] },
  admin: { label: 'Admin', needs: ['users.manage', 'tokens.manage', 'webhooks.manage'] },
  // Products, prices and stock per warehouse; last, so the keyboard paths to the tabs before it stay as they were.
  inventory: { label: 'Products & stock', needs: ['products.manage', 'stock.receive'] },
  // Customer returns: the order processor's desk, and finance's for the returns above the rules' threshold.
  returns: { label: 'Returns', needs: ['returns.process', 'returns.approve'] },
  // A site's day, signed off by finance; after the others for the same reason.
  reconciliation: { label: 'Reconciliation', needs: ['reconciliation.read'] },
  // The last-mile dispatcher's run sheets: who drives which stops, in what order.
  trips: { label: 'Trips', needs: ['trips.read'] },
  // Trip planning: a proposal of a zone's trips, planned when the dispatcher accepts it.
  'trip-planning': { label: 'Plan trips', needs: ['trips.manage'] },
  // Last mile (#18): waybills are opened, filled, sealed and moved by who runs the floor; routes and their
  // sessions are read by whoever reads orders. The id predates routes and stays, as tests and bookmarks name it.
  waybills: { label: 'Routes & waybills', needs: ['waybills.manage', 'routes.read'] },
  // Customers' questions from tracking pages (#18): the support desk's queue.
  support: { label: 'Support', needs: ['support.read'] },
  // The driver monitor (#18): who is on the road, how far along, with what cash; their profile and tokens.
  drivers: { label: 'Drivers', needs: ['drivers.monitor'] },
  // The last mile on a map (#18): whoever reads orders sees where they are.
  map: { label: 'Map', needs: ['orders.read'] },
} as const satisfies Record<string, { label: string; needs: readonly Permission[] }>;

export type AppView = keyof typeof VIEWS;

export interface ViewTab {
  value: AppView;
  label: string;
}

/** The tabs a person with these roles sees; a screen they cannot use is not offered at all. */
export function viewsFor(roles: readonly Role[]): ViewTab[] {
  return (Object.keys(VIEWS) as AppView[])
    .filter((view) => VIEWS[view].needs.some((permission) => can(roles, permission)))
    .map((view) => ({ value: view, label: VIEWS[view].label }));
}

/** The screen a URL names (`?view=…`), if the person may see it. */
export function viewIn(search: string, views: readonly ViewTab[]): AppView | null {
  const named = new URLSearchParams(search).get('view');
  return views.find((view) => view.value === named)?.value ?? null;
}

/** The screen the app opens on for this URL and person: the one the URL names, else their first tab. */
export function firstViewOf(search: string, roles: readonly Role[]): AppView | null {
  const views = viewsFor(roles);
  return viewIn(search, views) ?? views[0]?.value ?? null;
}
