import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetDefinition, RulesetView } from '../../../domain/ruleset.ts';
import { discardRulesetDraft, saveRulesetDraft } from '../api/client.ts';
import { ConfirmModal } from '../common/confirm-modal.tsx';
import { plural } from '../format/labels.ts';
import { PublishModal } from './publish/publish-modal.tsx';
import { RefusalNotice, refusalOf, type Refusal } from './publish/refusal-notice.tsx';

interface DraftActionsProps {
  dp: DecisionPointId;
  definition: RulesetDefinition;
  errors: number;
  /** Whether the server holds a draft, and whether it is what the canvas shows. */
  saved: { exists: boolean; current: boolean };
  onSaved: (definition: RulesetDefinition) => void;
  onDiscarded: () => void;
  onPublished: (published: RulesetView) => void;
}

/** Saving the draft, publishing it (after seeing its impact, with a note), or throwing it away; errors on the canvas block the first two. */
export function DraftActions({ dp, definition, errors, saved, onSaved, onDiscarded, onPublished }: DraftActionsProps) {
  const [pending, setPending] = useState<'save' | 'discard' | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const blocked = errors > 0 ? `Fix the ${plural(errors, 'error', 'errors')} listed under Problems first.` : undefined;

  const run = async (what: 'save' | 'discard', action: () => Promise<void>) => {
    setPending(what);
    setRefusal(null);
    try {
      await action();
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setPending(null);
    }
  };

  const save = async () => {
    await saveRulesetDraft(dp, definition);
    onSaved(definition);
  };

  return (
    <Stack gap="sm">
      {refusal && <RefusalNotice refusal={refusal} definition={definition} />}
      <Group justify="space-between">
        <Text size="sm" c={blocked ? 'red' : 'dimmed'} data-testid="rules-draft-status">
          {blocked ?? (saved.current ? 'The draft is saved.' : saved.exists ? 'Changes since the draft was saved.' : 'Not saved as a draft yet.')}
        </Text>
        <Group gap="xs">
          <Button color="red" variant="light" data-testid="rules-cancel" loading={pending === 'discard'} onClick={() => setConfirmingDiscard(true)}>
            Discard draft
          </Button>
          <Button variant="light" data-testid="rules-save-draft" loading={pending === 'save'} disabled={!!blocked || saved.current} onClick={() => void run('save', save)}>
            Save draft
          </Button>
          <Button data-testid="rules-publish" disabled={!!blocked} title="See what it would change for the waiting orders, then publish with a note" onClick={() => setPublishing(true)}>
            Publish new version…
          </Button>
        </Group>
      </Group>
      <PublishModal
        opened={publishing}
        onClose={() => setPublishing(false)}
        dp={dp}
        definition={definition}
        savedCurrent={saved.current}
        onSaved={onSaved}
        onPublished={(published) => {
          setPublishing(false);
          onPublished(published);
        }}
      />
      <ConfirmModal
        opened={confirmingDiscard}
        title="Discard this draft?"
        confirmLabel="Discard draft"
        testId="rules-discard-confirm"
        onConfirm={() => {
          setConfirmingDiscard(false);
          void run('discard', async () => {
            if (saved.exists) await discardRulesetDraft(dp);
            onDiscarded();
          });
        }}
        onCancel={() => setConfirmingDiscard(false)}
      >
        Your changes{saved.exists ? ' and the saved draft' : ''} are lost. The version in force stays as it is.
      </ConfirmModal>
    </Stack>
  );
}
