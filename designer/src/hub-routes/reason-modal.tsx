import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

interface ReasonModalProps {
  title: string;
  /** What happens, in plain words, including what cannot be undone. */
  explanation: string;
  confirmLabel: string;
  error: string | null;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why before a route is retired or a session cancelled; the audit log keeps the reason. */
export function ReasonModal({ title, explanation, confirmLabel, error, pending, onConfirm, onCancel }: ReasonModalProps) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onCancel} title={title} centered>
      <Stack gap="md">
        <Text size="sm">{explanation}</Text>
        <Textarea label="Reason" description="Kept in the audit log." maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus data-testid="route-reason" />
        {error && (
          <Alert color="red" title="That did not work" data-testid="route-reason-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Back
          </Button>
          <Button color="red" disabled={reason.trim() === ''} loading={pending} onClick={() => onConfirm(reason.trim())} data-testid="route-reason-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
