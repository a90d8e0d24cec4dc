import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ConfirmModal } from '../common/confirm-modal.tsx';
import { confirmText, isDestructive } from '../format/action-text.ts';
import { orderName } from '../format/order-name.ts';
import { isFinished } from '../format/timeline-text.ts';
import { useEffect, useRef, useState } from 'react';
import { orderActionRequest, type OrderActionName, type OrderDetail } from '../../../domain/order.ts';
import { ApiError } from '../api/api-error.ts';
import { listAreaResources } from '../api/areas-client.ts';
import { runOrderAction } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { actionChoices, actionsFor, actionsForOthers } from './action-availability.ts';
import { afterAction, initialFields, withChoices, type ActionFields } from './action-fields.ts';
import { describeActionFailure, type ActionFailure } from './action-failure.ts';
import { ActionInputs, hasInputs } from './action-inputs.tsx';
import { ACTION_LABELS } from './action-labels.ts';
import { buildActionRequest, requiresReason, serverFieldErrors, type FieldErrors } from './action-request.ts';
import { OthersActionsNote } from './others-actions-note.tsx';

interface OrderActionsProps {
  order: OrderDetail;
  onDone: () => void;
}

/** "a, b or c" */
const orList = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? ''));

function reasonLabel(actions: OrderActionName[]): string {
  const required = actions.filter(requiresReason).map((action) => ACTION_LABELS[action].toLowerCase());
  return required.length > 0 ? `Reason (required to ${orList(required)})` : 'Reason (optional)';
}

/**
 * The actions the lifecycle allows right now and the person's roles may take, each with the inputs it
 * needs. A refusal shows the server's reason and changes nothing.
 */
export function OrderActions({ order, onDone }: OrderActionsProps) {
  const { user } = useSession();
  const [entered, setEntered] = useState(() => initialFields(order.lines.length));
  const [pending, setPending] = useState<OrderActionName | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [invalid, setInvalid] = useState<{ action: OrderActionName; errors: FieldErrors } | null>(null);
  const [objected, setObjected] = useState(false);
  const [confirming, setConfirming] = useState<OrderActionName | null>(null);
  const [done, setDone] = useState<OrderActionName | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  // The button pressed may be gone with the state it belonged to: the keyboard goes on from the result.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  // Released work is reassigned to a resource of its area; a review is handed to a specialist by name.
  const areaResources = useResource(`resources:${order.workAreaId}`, (signal) => listAreaResources(order.workAreaId, signal));
  const resources = order.state === 'specialist_review' ? undefined : areaResources.data;

  const actions = actionsFor(order, user.roles, user.username);
  const plain = actions.filter((action) => !hasInputs(action));
  const choices = actionChoices(order, user.roles);
  const fields = withChoices(entered, choices);
  const errorsOf = (action: OrderActionName) => (invalid?.action === action ? invalid.errors : {});
  const change = (patch: Partial<ActionFields>) => {
    // The rules' objection was about the resource tried: another one has not been judged yet.
    if (patch.resource !== undefined && patch.resource !== entered.resource) setObjected(false);
    setEntered((current) => ({ ...current, ...patch }));
  };

  const run = async (action: OrderActionName, confirmed = false) => {
    setFailure(null);
    setDone(null);
    const built = buildActionRequest(action, fields);
    setInvalid(built.ok ? null : { action, errors: built.errors });
    if (!built.ok) return;
    if (isDestructive(action) && !confirmed) return setConfirming(action);
    setConfirming(null);
    setPending(action);
    try {
      await runOrderAction(order.id, built.request);
      setObjected(false);
      setEntered(afterAction);
      setDone(action);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) setInvalid({ action, errors: serverFieldErrors(error.issues) });
      if (error instanceof ApiError && error.code === 'assignment_objection') setObjected(true);
      setFailure(describeActionFailure(error));
    } finally {
      setPending(null);
    }
  };

  const button = (action: OrderActionName) => (
    <Button
      key={action}
      data-testid={`action-${action}`}
      {...(isDestructive(action) ? { color: 'red' } : {})}
      loading={pending === action}
      disabled={pending !== null && pending !== action}
      onClick={() => void run(action)}
    >
      {ACTION_LABELS[action]}
    </Button>
  );

  return (
    <Stack gap="xs">
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isFinished(order.state)
            ? 'Nothing more to do: this order is finished.'
            : order.allowedActions.length === 0
            ? 'No action is open to you in this state: Sluice moves the order on by itself.'
            : 'Nothing here is yours to do right now.'}
        </Text>
      ) : (
        <>
          <TextInput
            data-testid="action-reason"
            label={reasonLabel(actions)}
            placeholder="Recorded in the timeline with your action"
            value={entered.reason}
            onChange={(event) => change({ reason: event.currentTarget.value })}
            maxLength={maxLengthOf(orderActionRequest.shape.reason.unwrap())}
            error={invalid?.errors.reason}
          />
          {plain.length > 0 && <Group gap="xs">{plain.map(button)}</Group>}
          {actions.filter(hasInputs).map((action) => (
            <Group key={action} gap="xs" align="flex-end">
              <ActionInputs
                action={action}
                fields={fields}
                choices={choices}
                errors={errorsOf(action)}
                lines={order.lines}
                resources={resources}
                objected={objected}
                onChange={change}
              />
              {button(action)}
            </Group>
          ))}
        </>
      )}
      {confirming && (
        <ConfirmModal
          opened
          title={confirmText(confirming, orderName(order), fields.reason)!.title}
          confirmLabel={ACTION_LABELS[confirming]}
          onConfirm={() => void run(confirming, true)}
          onCancel={() => setConfirming(null)}
          testId="action-confirm"
        >
          {confirmText(confirming, orderName(order), fields.reason)!.body}
        </ConfirmModal>
      )}
      <OthersActionsNote actions={actionsForOthers(order, user.roles)} />
      {done && (
        <Alert ref={doneRef} tabIndex={-1} role="status" color="green" data-testid="action-done" withCloseButton onClose={() => setDone(null)}>
          {ACTION_LABELS[done]}: done. The state above shows where the order is now.
        </Alert>
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
