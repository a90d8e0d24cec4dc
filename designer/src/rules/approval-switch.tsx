import { Alert, Button, Group, Modal, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DECISION_POINT_SPECS, type DecisionPointId } from '../../../domain/decision-points.ts';
import { listChangeRequests, setRulesetApproval } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { announceChangeRequest } from './change-requests.tsx';

/** What four-eyes approval does, for the admin who switches it and the ops manager who publishes under it. */
export const FOUR_EYES =
  'a publish does not take effect at once: it becomes a change request that a second ops manager approves (it is then published as its author’s version) or rejects with a reason, and nobody approves their own. A rollback to an earlier version passes without approval: it is the way back in an emergency.';

/** An admin's switch: whether publishing a decision point's rules waits for a second ops manager. */
export function ApprovalSwitch({ dp }: { dp: DecisionPointId }) {
  const name = DECISION_POINT_SPECS[dp].name.toLowerCase();
  const state = useResource(`approval:${dp}`, (signal) => listChangeRequests(dp, signal));
  // What the dialog asks to confirm; it keeps its words while it closes.
  const [asking, setAsking] = useState<{ open: boolean; required: boolean }>({ open: false, required: true });
  const close = () => setAsking((a) => ({ ...a, open: false }));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // What the switch just set, until the reload brings the same.
  const [justSet, setJustSet] = useState<boolean | null>(null);
  const on = justSet ?? state.data?.approvalRequired;

  const confirm = async (required: boolean) => {
    setPending(true);
    setMessage(null);
    try {
      const now = await setRulesetApproval(dp, required);
      setJustSet(now);
      setMessage({ ok: true, text: `Four-eyes approval is ${now ? 'on' : 'off'} for the ${name} rules; the change is in the audit log.` });
      state.reload();
      announceChangeRequest();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setPending(false);
      close();
    }
  };

  return (
    <Paper withBorder p="md" data-testid="rules-approval-panel">
      <Stack gap="sm">
        <Title order={3}>Four-eyes approval</Title>
        <Text size="sm">With four-eyes approval on for the {name} rules, {FOUR_EYES}</Text>
        {state.error ? (
          <LoadError title="Whether publishing needs approval could not be loaded" error={state.error} onRetry={state.reload} />
        ) : (
          <Switch
            label="Publishing these rules needs a second ops manager’s approval"
            checked={on ?? false}
            disabled={on === undefined}
            onChange={(e) => setAsking({ open: true, required: e.currentTarget.checked })}
            data-testid="rules-approval-switch"
          />
        )}
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} data-testid="rules-approval-result">
            {message.text}
          </Alert>
        )}
      </Stack>
      <Modal opened={asking.open} onClose={close} title={asking.required ? 'Turn four-eyes approval on?' : 'Turn four-eyes approval off?'}>
        <Stack gap="md" data-testid="rules-approval-confirm-dialog">
          <Text size="sm">
            {asking.required
              ? `From now on, publishing the ${name} rules waits for a second ops manager. With it on, ${FOUR_EYES}`
              : `From now on, an ops manager’s publish of the ${name} rules takes effect without a second ops manager. Change requests already waiting stay until someone approves or rejects them.`}
          </Text>
          <Text size="sm">The switch is recorded in the audit log with your name.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={pending} data-testid="rules-approval-confirm" onClick={() => void confirm(asking.required)}>
              {asking.required ? 'Turn it on' : 'Turn it off'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
