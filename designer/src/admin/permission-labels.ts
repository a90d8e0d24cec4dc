import type { Permission } from '../../../domain/roles.ts';

/** Every permission in words an admin choosing roles understands; a new permission fails the build until it is here. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'orders.read': 'see orders and why they rank where they do',
  'orders.create': 'take in orders through the API',
  'orders.act': 'act on orders (each action names the roles it needs)',
  'orders.progress': 'report a production order\'s routing steps done',
  'rules.read': 'read the priority rules and their history',
  'rules.publish': 'change and publish the priority rules',
  'rules.editValues': 'change values of rules an admin opened to the role (thresholds, points, deadlines), within bounds',
  'rules.lock': 'lock parts of the rules and say who may change which values, within what bounds',
  'rules.backtest': 'backtest a draft of the rules on a simulated operation',
  'workAreas.read': 'see work areas, their limits and their measures',
  'workAreas.manage': 'create work areas and change their capacity and shifts',
  'workAreas.status': 'open, pause or stop a work area',
  'trends.read': 'see the dashboard of trends: on-time release, queue balance, cycle time over time',
  'users.manage': 'add people and change their roles',
  'tokens.manage': 'create and revoke API tokens',
  'webhooks.manage': 'register webhook endpoints, see their delivery log and redeliver events',
  'orders.export': 'export orders as CSV or NDJSON',
  'decisions.export': 'export the rules\' decisions and their explanations',
  'audit.export': 'export the audit log',
  'accounts.read': 'see customer accounts, their contacts and credit exposure',
  'accounts.manage': 'add and edit customer accounts and their contacts, import accounts',
  'accounts.credit': 'set an account\'s payment terms and credit limit, record payments received',
};
