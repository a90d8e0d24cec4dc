import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { WorkArea, WorkAreaStatus } from '../../../domain/work-area.ts';
import { getWorkAreaStatusChange, setWorkAreaStatus } from '../api/areas-client.ts';
import { useResource } from '../api/use-resource.ts';
import { actorName } from '../format/timeline-text.ts';
import { formatDateTime } from '../format/time.ts';

const STATUS_COLORS: Record<WorkAreaStatus, string> = { open: 'green', paused: 'yellow', stopped: 'red' };
const CHANGES: Record<WorkAreaStatus, { label: string; title: string; effect: string }> = {
  open: { label: 'Resume', title: 'Resume', effect: 'It releases again from its next cycle.' },
  paused: { label: 'Pause', title: 'Pause', effect: 'It releases nothing until resumed; its waiting orders keep their deadlines.' },
  stopped: { label: 'Stop', title: 'Stop', effect: 'The area is down: it releases nothing until resumed.' },
};

const humanStatus = (status: WorkAreaStatus) => (status === 'open' ? 'Opened' : status === 'paused' ? 'Paused' : 'Stopped');

/** A dispatcher pauses, stops or resumes an area, always with a reason; stopping is confirmed in red. */
export function AreaStatusControl({ area, canChange, onChanged }: { area: WorkArea; canChange: boolean; onChanged: (area: WorkArea) => void }) {
  const [changes, setChanges] = useState(0);
  // Keyed by the status too, so a change someone else made is read anew once the area is reloaded.
  const last = useResource(`area-status-change:${area.id}:${area.status}:${changes}`, (signal) => getWorkAreaStatusChange(area.id, signal));
  const [target, setTarget] = useState<WorkAreaStatus | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setTarget(null);
    setReason('');
    setFailure(null);
  };
  const confirm = async () => {
    if (!target) return;
    if (reason.trim() === '') {
      setFailure('Say why: the reason goes into the area’s audit trail.');
      return;
    }
    setPending(true);
    try {
      onChanged(await setWorkAreaStatus(area.id, target, reason));
      setChanges((n) => n + 1);
      close();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  };
  const offered = (['open', 'paused', 'stopped'] as const).filter((s) => s !== area.status);
  const change = target ? CHANGES[target] : null;

  return (
    <Group gap="sm" mb="xs" data-testid="area-status">
      <Text size="sm">Status:</Text>
      <Badge color={STATUS_COLORS[area.status]} variant="light" data-testid="area-status-badge">
        {area.status}
      </Badge>
      {last.data && last.data.status === area.status && (
        <Text size="sm" c="dimmed" data-testid="area-status-change">
          {humanStatus(last.data.status)} by {last.data.actorDisplayName ?? actorName(last.data.actor)}, {formatDateTime(last.data.at)}
          {last.data.reason ? `: “${last.data.reason}”` : ''}
        </Text>
      )}
      {canChange &&
        offered.map((s) => (
          <Button key={s} size="xs" variant={s === 'stopped' ? 'outline' : 'light'} color={s === 'stopped' ? 'red' : undefined} data-testid={`area-status-${s}`} onClick={() => setTarget(s)}>
            {CHANGES[s].label}
          </Button>
        ))}
      <Modal opened={change !== null} onClose={close} title={change ? `${change.title} ${area.name}?` : ''}>
        {change && (
          <Stack gap="sm" data-testid="area-status-dialog">
            <Text size="sm">{change.effect}</Text>
            <Textarea data-testid="area-status-reason" label="Reason" required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            {failure && (
              <Alert color="red" title="The status was not changed" data-testid="area-status-error">
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button color={target === 'stopped' ? 'red' : undefined} loading={pending} data-testid="area-status-confirm" onClick={() => void confirm()}>
                {change.label} the area
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Group>
  );
}
