import { Alert, Button, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeRolesFor } from '../../../domain/roles.ts';
import type { RouteSession } from '../../../domain/routes/route-session.ts';
import { nextSessionState, SESSION_ACTIONS, type SessionAction } from '../../../domain/routes/session-machine.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { acceptOffers, listOffers, stepSession } from './hub-routes-client.ts';
import { ReasonModal } from './reason-modal.tsx';
import { SessionOffersTable } from './session-offers-table.tsx';
import { SessionStateBadge } from './session-state-badge.tsx';

const STEP_LABELS: Record<SessionAction, string> = { start: 'Start', pick_up: 'Loaded at the hub', depart: 'Depart', complete: 'Complete', cancel: 'Cancel…' };
const STEP_HINTS: Record<SessionAction, string> = {
  start: 'The driver is on the way to the hub',
  pick_up: 'The goods are on board',
  depart: 'The run leaves the hub',
  complete: 'The run is over; its orders are free for another',
  cancel: 'Call the run off before loading',
};

interface SessionDrawerProps {
  session: RouteSession;
  routeName: string;
  manages: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** One run of a route: its orders, the orders on offer while it is open, and the steps its lifecycle allows now. */
export function SessionDrawer({ session, routeName, manages, onClose, onChanged }: SessionDrawerProps) {
  const open = session.state === 'open';
  const offers = useResource(`session-offers:${session.id}:${open}`, (signal) => (open ? listOffers(session.id, signal) : Promise.resolve([])), session.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const steps = SESSION_ACTIONS.filter((a) => nextSessionState(session.state, a) !== null);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
      return true;
    } catch (err) {
      setError((err as Error).message);
      // A refusal often means someone else moved the session meanwhile: show it as it is now.
      onChanged();
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={`${routeName} · ${session.day}${session.shift ? ` (${session.shift})` : ''}`} data-testid="session-drawer">
      <Stack gap="md">
        <Group gap="sm">
          <SessionStateBadge state={session.state} />
          <Text size="sm">{session.driverId ? `Driver ${session.driverId}` : 'No driver named'}</Text>
          <Text size="sm" c="dimmed">
            opened by {session.createdBy}
          </Text>
        </Group>
        {manages && steps.length > 0 && (
          <Group gap="xs">
            {steps.map((action) =>
              action === 'cancel' ? (
                <Button key={action} variant="default" color="red" disabled={busy} onClick={() => setCancelling(true)} title={STEP_HINTS[action]} data-testid="session-step-cancel">
                  {STEP_LABELS[action]}
                </Button>
              ) : (
                <Button key={action} loading={busy} onClick={() => void run(() => stepSession(session.id, action))} title={STEP_HINTS[action]} data-testid={`session-step-${action}`}>
                  {STEP_LABELS[action]}
                </Button>
              ),
            )}
          </Group>
        )}
        {!manages && (
          <Text size="sm" c="dimmed" data-testid="session-read-only">
            Running a session (taking orders in, starting, loading, departing, completing, cancelling) needs {describeRolesFor('routes.manage')}.
          </Text>
        )}
        {steps.length === 0 && <Text size="sm" c="dimmed">The session is over: it takes no more steps.</Text>}
        {error && (
          <Alert color="red" title="The session did not change" withCloseButton onClose={() => setError(null)} data-testid="session-error">
            {error}
          </Alert>
        )}
        <Title order={3}>Orders</Title>
        {session.orders.length === 0 ? (
          <Text c="dimmed" data-testid="session-no-orders">
            {open ? 'No orders yet: take some in from the offers below.' : 'No orders in this session.'}
          </Text>
        ) : (
          <Table striped data-testid="session-orders">
            <Table.Caption>{session.orders.length} orders in this session.</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Order</Table.Th>
                <Table.Th>Stop</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session.orders.map((o) => (
                <Table.Tr key={o.orderId}>
                  <Table.Td>{o.orderId}</Table.Td>
                  <Table.Td>{o.stop}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {open && (
          <>
            <Title order={3}>On offer</Title>
            {offers.error && <LoadError title="The offers could not be loaded" error={offers.error} onRetry={offers.reload} />}
            {offers.data && <SessionOffersTable key={session.version} offers={offers.data} manages={manages} busy={busy} onAccept={(ids) => void run(() => acceptOffers(session.id, ids))} />}
          </>
        )}
      </Stack>
      {cancelling && (
        <ReasonModal
          title="Cancel this session?"
          explanation="Its orders are freed for another session; a cancelled session takes no more steps."
          confirmLabel="Cancel the session"
          error={error}
          pending={busy}
          onCancel={() => {
            setCancelling(false);
            setError(null);
          }}
          onConfirm={(reason) => void run(() => stepSession(session.id, 'cancel', reason)).then((done) => done && setCancelling(false))}
        />
      )}
    </Drawer>
  );
}
