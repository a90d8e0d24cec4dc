import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import { rejectChangeRequest as rejectSchema, type ChangeRequestView } from '../../../domain/ruleset-change-request.ts';
import { approveChangeRequest, listChangeRequests, rejectChangeRequest } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatCalendarDateTime, formatDateTime } from '../format/time.ts';
import { useSession } from '../session/use-session.ts';
import { maxLengthOf } from '../validation/limits.ts';

const REQUESTED = 'sluice:change-requested';
/** The publish dialog sent a change request: the list, elsewhere on the page, shows it. */
export const announceChangeRequest = () => window.dispatchEvent(new Event(REQUESTED));

function PendingRequest({ dp, request, mayPublish, onDecided }: { dp: DecisionPointId; request: ChangeRequestView; mayPublish: boolean; onDecided: () => void }) {
  const { user } = useSession();
  const own = request.requestedBy === user.username;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDecided();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  const reject = () => {
    if (!rejectSchema.shape.reason.safeParse(reason).success) return setError('Say why the change is rejected, for its author.');
    void act(() => rejectChangeRequest(dp, request.id, reason.trim()));
  };
  return (
    <Paper withBorder p="sm" data-testid="change-request" data-own={own}>
      <Stack gap={6}>
        <Text size="sm">
          <b>{request.requestedBy}</b> asked on {formatDateTime(request.requestedAt)}: {request.note}
        </Text>
        <Text size="xs">
          {request.effectiveFrom ? `Takes effect at ${formatCalendarDateTime(request.effectiveFrom)}` : 'Takes effect when approved'}
          {request.overrideReason && ` · publishes over failing test cases because: ${request.overrideReason}`}
        </Text>
        {error && (
          <Alert color="red" p="xs" data-testid="change-request-error">
            {error}
          </Alert>
        )}
        {mayPublish && rejecting && (
          <Textarea data-testid="change-request-reason" label="Why reject it" required autosize minRows={2} maxLength={maxLengthOf(rejectSchema.shape.reason)} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {mayPublish && (
          <Group gap="xs">
            {own ? (
              <Text size="xs">Your request: another ops manager approves it.</Text>
            ) : (
              <Button size="compact-sm" loading={busy} data-testid="change-request-approve" onClick={() => void act(() => approveChangeRequest(dp, request.id))}>
                Approve and publish
              </Button>
            )}
            <Button size="compact-sm" variant="outline" color="red" loading={busy} data-testid="change-request-reject" onClick={() => (rejecting ? reject() : setRejecting(true))}>
              {rejecting ? 'Reject with this reason' : own ? 'Withdraw…' : 'Reject…'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Four-eyes approval: publishes waiting for a second ops manager, each approved or rejected here. */
export function ChangeRequests({ dp, mayPublish, onDecided }: { dp: DecisionPointId; mayPublish: boolean; onDecided: () => void }) {
  const list = useResource(`change-requests:${dp}`, (signal) => listChangeRequests(dp, signal));
  const { reload } = list;
  useEffect(() => {
    window.addEventListener(REQUESTED, reload);
    return () => window.removeEventListener(REQUESTED, reload);
  }, [reload]);
  if (list.error) return <LoadError title="The change requests could not be loaded" error={list.error} onRetry={list.reload} />;
  const pending = list.data?.changeRequests.filter((r) => r.status === 'pending') ?? [];
  if (!list.data?.approvalRequired && pending.length === 0) return null;
  return (
    <section data-testid="change-requests">
      <Title order={3} mb="xs">
        Waiting for approval
      </Title>
      <Stack gap="xs">
        <Text size="sm">Publishing these rules needs a second ops manager: a publish waits here until another ops manager approves it.</Text>
        {pending.length === 0 ? (
          <Text size="sm">No change requests are waiting.</Text>
        ) : (
          pending.map((request) => (
            <PendingRequest
              key={request.id}
              dp={dp}
              request={request}
              mayPublish={mayPublish}
              onDecided={() => {
                list.reload();
                onDecided();
              }}
            />
          ))
        )}
      </Stack>
    </section>
  );
}
