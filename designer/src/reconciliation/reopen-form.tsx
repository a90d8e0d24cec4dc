import { Alert, Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { reopenDay } from './reconciliation-client.ts';

/** Reopening a signed-off day asks why: the reason goes to the audit log and shows on the day. */
export function ReopenForm({ site, day, onCancel, onReopened }: { site: string; day: string; onCancel: () => void; onReopened: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await reopenDay(site, day, reason);
      onReopened();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={`Why reopen ${site} ${day}?`}
            description="Kept in the audit log with your name; the day takes changes again until it is signed off anew."
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="reconciliation-reopen-reason"
          />
          {error && (
            <Alert color="red" title="The day was not reopened">
              {error}
            </Alert>
          )}
          <Group>
            <Button type="submit" color="orange" loading={busy} disabled={reason.trim() === ''} data-testid="reconciliation-reopen-confirm">
              Reopen the day
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
