import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { STATED_PRIORITIES, type OrderActionName, type StatedPriority } from '../../../domain/order.ts';
import { ApiError } from '../api/api-error.ts';
import { runOrderAction } from '../api/client.ts';

const ACTION_LABELS: Record<OrderActionName, string> = {
  start: 'Start work',
  complete: 'Complete',
  escalate: 'Escalate',
  resolve: 'Resolve: send back',
  cancel: 'Cancel order',
  change_priority: 'Change stated priority',
};

interface OrderActionsProps {
  orderId: string;
  allowedActions: OrderActionName[];
  onDone: () => void;
}

interface Failure {
  title: string;
  color: string;
  message: string;
}

/** 403: the person's role does not allow it; 409: the order's state does not, right now. Either way nothing changed. */
function describeFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.status === 403) return { title: 'Your role does not allow this', color: 'orange', message };
  if (error instanceof ApiError && error.status === 409) return { title: 'Not allowed right now', color: 'orange', message };
  return { title: 'The action failed', color: 'red', message };
}

/** The actions the lifecycle allows right now; a refusal shows the server's reason and changes nothing. */
export function OrderActions({ orderId, allowedActions, onDone }: OrderActionsProps) {
  const [reason, setReason] = useState('');
  const [statedPriority, setStatedPriority] = useState<StatedPriority>('high');
  const [pending, setPending] = useState<OrderActionName | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = async (action: OrderActionName) => {
    setPending(action);
    setFailure(null);
    try {
      await runOrderAction(orderId, action, reason.trim() || undefined, action === 'change_priority' ? statedPriority : undefined);
      setReason('');
      onDone();
    } catch (error) {
      setFailure(describeFailure(error));
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
            label={allowedActions.some((a) => a === 'escalate' || a === 'cancel') ? 'Reason (required to escalate or cancel)' : 'Reason (optional)'}
            placeholder="Recorded in the timeline with your action"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            style={{ flex: 1 }}
          />
          {allowedActions.includes('change_priority') && (
            <Select
              data-testid="action-priority"
              label="New stated priority"
              data={STATED_PRIORITIES.map((p) => ({ value: p, label: p }))}
              value={statedPriority}
              onChange={(value) => value && setStatedPriority(value as StatedPriority)}
              allowDeselect={false}
              w={140}
            />
          )}
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
          color={failure.color}
          title={failure.title}
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
