import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrderActionName } from '../../../domain/order.ts';
import { ApiError, runOrderAction } from '../api/client.ts';

const ACTION_LABELS: Record<OrderActionName, string> = {
  start: 'Start work',
  complete: 'Complete',
};

interface OrderActionsProps {
  orderId: string;
  allowedActions: OrderActionName[];
  onDone: () => void;
}

interface Failure {
  refused: boolean;
  message: string;
}

/** The actions the lifecycle allows right now; a refusal shows the server's reason and changes nothing. */
export function OrderActions({ orderId, allowedActions, onDone }: OrderActionsProps) {
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<OrderActionName | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = async (action: OrderActionName) => {
    setPending(action);
    setFailure(null);
    try {
      await runOrderAction(orderId, action, reason.trim() || undefined);
      setReason('');
      onDone();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setFailure({ refused: error instanceof ApiError && error.status === 409, message });
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack gap="xs">
      {allowedActions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No action is open to you in this state: Sluice moves the order on by itself.
        </Text>
      ) : (
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Reason (optional)"
            placeholder="Recorded in the timeline with your action"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            style={{ flex: 1 }}
          />
          {allowedActions.map((action) => (
            <Button
              key={action}
              data-testid={`action-${action}`}
              loading={pending === action}
              disabled={pending !== null && pending !== action}
              onClick={() => void run(action)}
            >
              {ACTION_LABELS[action]}
            </Button>
          ))}
        </Group>
      )}
      {failure && (
        <Alert
          data-testid="action-error"
          color={failure.refused ? 'orange' : 'red'}
          title={failure.refused ? 'Not allowed right now' : 'The action failed'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setFailure(null)}
        >
          {failure.message}
        </Alert>
      )}
    </Stack>
  );
}
