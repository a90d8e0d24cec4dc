import { Alert, Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { isSimulated } from '../../../../domain/backtest.ts';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition, RulesetView } from '../../../../domain/ruleset.ts';
import { ApiError } from '../../api/api-error.ts';
import { listChangeRequests, publishRulesetDraft, saveRulesetDraft } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { sentence } from '../../format/labels.ts';
import { useSession } from '../../session/use-session.ts';
import { sortPublishIssues } from '../draft-check.ts';
import { FOUR_EYES } from '../approval-switch.tsx';
import { announceChangeRequest } from '../change-requests.tsx';
import { BacktestDeltas } from '../backtest/backtest-deltas.tsx';
import { NoteField, useNote } from '../note-field.tsx';
import { EffectiveTimeField, useEffectiveTime } from './effective-time-field.tsx';
import { FailingCases, useOverride } from './failing-cases.tsx';
import { InFlightField, useInFlight } from './in-flight-field.tsx';
import { ImpactPreview } from './impact-preview.tsx';
import { RefusalNotice, refusalOf, type Refusal } from './refusal-notice.tsx';

interface PublishModalProps {
  opened: boolean;
  onClose: () => void;
  dp: DecisionPointId;
  definition: RulesetDefinition;
  /** Whether the server's draft is what the canvas shows; the API publishes the stored draft. */
  savedCurrent: boolean;
  onSaved: (definition: RulesetDefinition) => void;
  onPublished: (published: RulesetView) => void;
}

function PublishForm({ onClose, dp, definition, savedCurrent, onSaved, onPublished }: Omit<PublishModalProps, 'opened'>) {
  const note = useNote();
  const effective = useEffectiveTime();
  const override = useOverride();
  const inFlight = useInFlight(dp);
  const [pending, setPending] = useState(false);
  const [requested, setRequested] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const mayBacktest = useSession().can('rules.backtest') && isSimulated(dp);
  // Read-only here: an admin switches it beside the rules.
  const fourEyes = useResource(`approval:${dp}`, (signal) => listChangeRequests(dp, signal)).data?.approvalRequired;

  const publish = async () => {
    const text = note.checked();
    const effectiveFrom = effective.checked();
    const overridden = override.checked();
    if (text === null || effectiveFrom === null || overridden === null) return;
    setPending(true);
    setRefusal(null);
    try {
      if (!savedCurrent) {
        await saveRulesetDraft(dp, definition);
        onSaved(definition);
      }
      const result = await publishRulesetDraft(dp, { note: text, ...(effectiveFrom ? { effectiveFrom } : {}), ...(overridden ? { override: overridden } : {}), inFlight: inFlight.policy(effectiveFrom !== undefined) });
      if ('changeRequest' in result) {
        setRequested(true);
        setPending(false);
        announceChangeRequest();
      } else onPublished(result);
    } catch (error) {
      const sorted = sortPublishIssues(error instanceof ApiError ? error.issues : []);
      if (sorted.note) note.setError(sentence(sorted.note));
      if (sorted.effectiveFrom) effective.setError(sentence(sorted.effectiveFrom));
      setRefusal(refusalOf(error));
      setPending(false);
    }
  };

  if (requested) {
    return (
      <Stack gap="md" data-testid="rules-publish-modal">
        <Alert color="blue" title="Sent for approval" data-testid="rules-change-requested">
          Publishing these rules needs a second ops manager: your change request waits in the version history until another ops manager approves or rejects it.
        </Alert>
        <Group justify="flex-end">
          <Button data-testid="rules-change-requested-close" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="rules-publish-modal">
      <ImpactPreview dp={dp} definition={definition} />
      {mayBacktest && <BacktestDeltas dp={dp} definition={definition} />}
      <FailingCases dp={dp} definition={definition} override={override} />
      <Divider />
      {refusal && <RefusalNotice refusal={refusal} definition={definition} />}
      <NoteField
        note={note}
        testId="rules-note"
        label="What changed and why"
        description="Kept in the version history, so others can see why decisions moved."
        placeholder="e.g. Orders due within 4 hours now get 40 points instead of 30: too many were released late."
      />
      <EffectiveTimeField effective={effective} />
      <InFlightField dp={dp} later={effective.mode === 'later'} inFlight={inFlight} />
      {fourEyes !== undefined && (
        <Text size="sm" data-testid="rules-approval-state" data-required={fourEyes}>
          {fourEyes ? `Four-eyes approval is on for these rules (an admin set it), so ${FOUR_EYES}` : 'Four-eyes approval is off for these rules: the version is published when you confirm.'}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button data-testid="rules-publish-confirm" loading={pending} onClick={() => void publish()}>
          {fourEyes ? 'Send for approval' : 'Publish version'}
        </Button>
      </Group>
    </Stack>
  );
}

/** Publishing, one step at a time: what it would change for the waiting orders, then why, then confirm. */
export function PublishModal({ opened, ...form }: PublishModalProps) {
  return (
    <Modal opened={opened} onClose={form.onClose} title="Publish a new version" size="xl">
      {opened && <PublishForm {...form} />}
    </Modal>
  );
}
