import { Alert, Button, Group, Modal, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_ROUTE_STOPS, type Route } from '../../../domain/routes/route.ts';
import { ApiError } from '../api/api-error.ts';
import { useResource } from '../api/use-resource.ts';
import { createRoute, listDriverIds, readRoute, updateRoute } from './hub-routes-client.ts';
import { draftOf, emptyDraft, emptyStop, inputOf, moveStop, type RouteDraft } from './route-draft.ts';
import { RouteStopFields } from './route-stop-fields.tsx';

interface RouteFormProps {
  /** The route as read, to edit; none to create one. */
  route: Route | null;
  onSaved: (route: Route) => void;
  onClose: () => void;
}

/** Creating or changing a route: its name, zone, warehouse, stops in order and drivers; a change carries the version it was made from. */
export function RouteForm({ route, onSaved, onClose }: RouteFormProps) {
  const [draft, setDraft] = useState<RouteDraft>(() => (route ? draftOf(route) : emptyDraft()));
  const [version, setVersion] = useState(route?.version ?? 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // Who may not list drivers still types their ids; the API says when one is not a driver.
  const drivers = useResource('route-form-drivers', (signal) => listDriverIds(signal).catch(() => []));

  const save = async () => {
    setFailure(null);
    const checked = inputOf(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onSaved(route ? await updateRoute(route.id, version, checked.input) : await createRoute(checked.input));
    } catch (err) {
      setFailure({ message: (err as Error).message, stale: route !== null && err instanceof ApiError && err.status === 409 });
    } finally {
      setBusy(false);
    }
  };
  const reload = async () => {
    if (!route) return;
    try {
      const latest = await readRoute(route.id);
      setDraft(draftOf(latest));
      setVersion(latest.version);
      setFailure(null);
    } catch (err) {
      setFailure({ message: (err as Error).message, stale: false });
    }
  };
  const setStop = (i: number, stop: RouteDraft['stops'][number]) => setDraft({ ...draft, stops: draft.stops.map((s, j) => (j === i ? stop : s)) });

  return (
    <Modal opened onClose={onClose} title={route ? `Change route ${route.name}` : 'New route'} size="xl" centered>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" required maxLength={100} value={draft.name} error={errors.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} data-autofocus data-testid="route-name" />
          <TextInput label="Zone" description="Offers only its orders; blank for any zone" maxLength={50} value={draft.zone} onChange={(e) => setDraft({ ...draft, zone: e.currentTarget.value })} data-testid="route-zone" />
          <TextInput label="Warehouse" description="Where the run leaves from; blank for any" maxLength={50} value={draft.warehouse} onChange={(e) => setDraft({ ...draft, warehouse: e.currentTarget.value })} data-testid="route-warehouse" />
        </SimpleGrid>
        <TagsInput
          label="Drivers"
          description="Who may run its sessions: pick a driver, or type their id and press Enter"
          data={drivers.data ?? []}
          value={draft.driverIds}
          onChange={(driverIds) => setDraft({ ...draft, driverIds })}
          data-testid="route-drivers"
        />
        <Text fw={600}>Stops, in the order the run calls at them</Text>
        {errors.stops && <Text c="red">{errors.stops}</Text>}
        {draft.stops.map((stop, i) => (
          <RouteStopFields
            key={stop.key}
            stop={stop}
            index={i}
            count={draft.stops.length}
            errors={errors}
            onChange={(s) => setStop(i, s)}
            onMove={(by) => setDraft(moveStop(draft, i, by))}
            onRemove={() => setDraft({ ...draft, stops: draft.stops.filter((_, j) => j !== i) })}
          />
        ))}
        <Group>
          <Button variant="default" disabled={draft.stops.length >= MAX_ROUTE_STOPS} onClick={() => setDraft({ ...draft, stops: [...draft.stops, emptyStop()] })} data-testid="route-add-stop">
            Add a stop
          </Button>
        </Group>
        {failure && (
          <Alert color="red" title={failure.stale ? 'Someone else changed this route' : 'The route was not saved'} data-testid="route-form-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{failure.message}</Text>
              {failure.stale && (
                <Button size="xs" variant="default" onClick={() => void reload()} data-testid="route-reload">
                  Load the route as it is now (your changes are dropped)
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Back
          </Button>
          <Button loading={busy} onClick={() => void save()} data-testid="route-save">
            {route ? 'Save the route' : 'Create the route'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
