import { Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeRolesFor } from '../../../domain/roles.ts';
import type { Route } from '../../../domain/routes/route.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { listSessions, retireRoute } from './hub-routes-client.ts';
import { OpenSessionForm } from './open-session-form.tsx';
import { ReasonModal } from './reason-modal.tsx';
import { RouteForm } from './route-form.tsx';
import { SessionDrawer } from './session-drawer.tsx';
import { SessionStateBadge } from './session-state-badge.tsx';

const serves = (s: Route['stops'][number]) =>
  [s.radiusKm !== null ? `within ${s.radiusKm} km` : null, s.kinds.length ? s.kinds.join(', ').replaceAll('_', ' ') : null, s.zones.length ? `zones ${s.zones.join(', ')}` : null, s.accounts.length ? `accounts ${s.accounts.join(', ')}` : null]
    .filter(Boolean)
    .join(' · ') || 'every order';

/** One route: its stops in order, changing or retiring it, and its sessions (opening one, and each one's drawer). */
export function RoutePanel({ route, manages, onChanged }: { route: Route; manages: boolean; onChanged: () => void }) {
  // Reloaded under the same key, so the list (and an open session's drawer) stays shown while it loads.
  const sessions = useResource(`route-sessions:${route.id}`, (signal) => listSessions(route.id, signal));
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = sessions.reload;
  const shown = sessions.data?.find((s) => s.id === openId) ?? null;
  const editable = manages && route.active;

  const retire = async (reason: string) => {
    setBusy(true);
    setError(null);
    try {
      await retireRoute(route.id, reason);
      setRetiring(false);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="route-panel">
      <Group justify="space-between">
        <Title order={3}>{route.name}</Title>
        <Group gap="xs">
          {!route.active && <Badge color="gray">Retired</Badge>}
          {editable && (
            <>
              <Button variant="default" onClick={() => setEditing(true)} data-testid="route-edit">
                Change…
              </Button>
              <Button variant="default" color="red" onClick={() => setRetiring(true)} data-testid="route-retire">
                Retire…
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {route.warehouse ? `Leaves ${route.warehouse}` : 'Any warehouse'} · {route.zone ? `zone ${route.zone}` : 'any zone'} · drivers: {route.driverIds.join(', ') || 'none yet'}
      </Text>
      <List type="ordered" size="sm" data-testid="route-stops">
        {route.stops.map((s) => (
          <List.Item key={s.name}>
            <Text span fw={600} size="sm">
              {s.name}
            </Text>{' '}
            ({s.location.lat}, {s.location.lng}): {serves(s)}
          </List.Item>
        ))}
      </List>
      {!route.active && <Text size="sm">This route is retired: it keeps its past sessions and opens no more.</Text>}
      {!manages && (
        <Text size="sm" c="dimmed" data-testid="route-read-only">
          Changing routes and running their sessions needs {describeRolesFor('routes.manage')}.
        </Text>
      )}
      <Title order={4}>Sessions</Title>
      {editable && (
        <OpenSessionForm
          route={route}
          onOpened={(id) => {
            setOpenId(id);
            refresh();
          }}
        />
      )}
      {sessions.error && <LoadError title="The sessions could not be loaded" error={sessions.error} onRetry={sessions.reload} />}
      {sessions.data && sessions.data.length === 0 ? (
        <Text c="dimmed" data-testid="sessions-empty">
          No sessions yet{editable ? ': open one for a day, take in the orders on offer, then start it.' : '.'}
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="sessions-table">
          <Table.Caption>Sessions, newest day first.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Shift</Table.Th>
              <Table.Th>Driver</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Orders</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(sessions.data ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(s.id)} data-testid={`session-open-${s.id}`}>
                    {s.day}
                  </Button>
                </Table.Td>
                <Table.Td>{s.shift ?? '—'}</Table.Td>
                <Table.Td>{s.driverId ?? '—'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{s.orders.length}</Table.Td>
                <Table.Td>
                  <SessionStateBadge state={s.state} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && <SessionDrawer session={shown} routeName={route.name} manages={manages} onClose={() => setOpenId(null)} onChanged={refresh} />}
      {editing && (
        <RouteForm
          route={route}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
      {retiring && (
        <ReasonModal
          title={`Retire route ${route.name}?`}
          explanation="A retired route opens no more sessions and changes no more; its past sessions stay. This cannot be undone: create a new route instead."
          confirmLabel="Retire the route"
          error={error}
          pending={busy}
          onCancel={() => {
            setRetiring(false);
            setError(null);
          }}
          onConfirm={(reason) => void retire(reason)}
        />
      )}
    </Stack>
  );
}
