import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { can, describeRolesFor } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { listRoutes } from './hub-routes-client.ts';
import { RouteForm } from './route-form.tsx';
import { RoutePanel } from './route-panel.tsx';

/** Routes (reusable stop patterns, e.g. a daily hub run) and their sessions: one run each on a day or shift. */
export function RoutesView() {
  const { user } = useSession();
  const manages = can(user.roles, 'routes.manage');
  const routes = useResource('hub-routes', (signal) => listRoutes(signal));
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const refresh = routes.reload;
  const current = routes.data?.find((r) => r.id === selected) ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Routes &amp; sessions</Title>
        {manages ? (
          <Button onClick={() => setCreating(true)} data-testid="route-new">
            New route…
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            Creating routes needs {describeRolesFor('routes.manage')}.
          </Text>
        )}
      </Group>
      {routes.error && <LoadError title="The routes could not be loaded" error={routes.error} onRetry={routes.reload} />}
      {routes.data && routes.data.length === 0 ? (
        <Text c="dimmed" data-testid="routes-empty">
          No routes yet. A route is a run made again and again (e.g. a daily hub run): its stops in order, which orders each serves, and its drivers.
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="routes-table">
          <Table.Caption>Routes by name.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Zone</Table.Th>
              <Table.Th>Warehouse</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Stops</Table.Th>
              <Table.Th>Drivers</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(routes.data ?? []).map((r) => (
              <Table.Tr key={r.id} bg={r.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setSelected(r.id)} data-testid={`route-open-${r.id}`}>
                    {r.name}
                  </Button>
                </Table.Td>
                <Table.Td>{r.zone ?? 'any'}</Table.Td>
                <Table.Td>{r.warehouse ?? 'any'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{r.stops.length}</Table.Td>
                <Table.Td>{r.driverIds.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Badge color={r.active ? 'blue' : 'gray'} variant="light">
                    {r.active ? 'Active' : 'Retired'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {current && <RoutePanel key={current.id} route={current} manages={manages} onChanged={refresh} />}
      {creating && (
        <RouteForm
          route={null}
          onClose={() => setCreating(false)}
          onSaved={(made) => {
            setCreating(false);
            setSelected(made.id);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
