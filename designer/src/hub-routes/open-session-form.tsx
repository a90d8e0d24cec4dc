import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Route } from '../../../domain/routes/route.ts';
import { openSession } from './hub-routes-client.ts';

/** Today as YYYY-MM-DD where the dispatcher is, not in UTC: an evening run is still today's. */
const today = () => new Date().toLocaleDateString('en-CA');

/** Opening a run of the route on a day (and shift), with one of its drivers. */
export function OpenSessionForm({ route, onOpened }: { route: Route; onOpened: (sessionId: string) => void }) {
  const [day, setDay] = useState(today);
  const [shift, setShift] = useState('');
  const [driver, setDriver] = useState<string | null>(route.driverIds[0] ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await openSession(route.id, { day, shift: shift.trim() || null, driverId: driver });
      setShift('');
      onOpened(made.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group align="flex-end">
        <TextInput label="Day" type="date" required value={day} onChange={(e) => setDay(e.currentTarget.value)} data-testid="session-day" />
        <TextInput label="Shift" description="When it runs more than once a day" placeholder="early" maxLength={40} value={shift} onChange={(e) => setShift(e.currentTarget.value)} data-testid="session-shift" />
        <Select
          label="Driver"
          description={route.driverIds.length === 0 ? 'Add drivers to the route to name one' : 'One of the route’s drivers'}
          placeholder="No driver yet"
          data={route.driverIds}
          value={driver}
          onChange={setDriver}
          clearable
          data-testid="session-driver"
        />
        <Button loading={busy} onClick={() => void submit()} data-testid="session-open">
          Open a session
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="The session was not opened" withCloseButton onClose={() => setError(null)} data-testid="session-open-error">
          {error}
        </Alert>
      )}
    </>
  );
}
