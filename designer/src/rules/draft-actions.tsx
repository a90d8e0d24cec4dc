import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetDefinition, RulesetView } from '../../../domain/ruleset.ts';
import { ApiError, type ApiIssue } from '../api/api-error.ts';
import { discardRulesetDraft, publishRulesetDraft, saveRulesetDraft } from '../api/client.ts';
import { ConfirmModal } from '../common/confirm-modal.tsx';
import { plural, sentence } from '../format/labels.ts';
import { checkNote, sortPublishIssues } from './draft-check.ts';
import { IssueList } from './issue-list.tsx';

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

interface Refusal {
  message: string;
  issues: ApiIssue[];
}

const refusalOf = (error: unknown): Refusal => ({
  message: error instanceof Error ? error.message : String(error),
  issues: sortPublishIssues(error instanceof ApiError ? error.issues : []).definition,
});

/** Saving the draft, publishing it with a note, or throwing it away; errors on the canvas block the first two. */
export function DraftActions({ dp, definition, errors, saved, onSaved, onDiscarded, onPublished }: DraftActionsProps) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [pending, setPending] = useState<'save' | 'publish' | 'discard' | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const blocked = errors > 0 ? `Fix the ${plural(errors, 'error', 'errors')} listed under Problems first.` : undefined;

  const run = async (what: 'save' | 'publish' | 'discard', action: () => Promise<void>) => {
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

  const publish = () => {
    const noteProblem = checkNote(note);
    setNoteError(noteProblem && sentence(noteProblem));
    if (noteProblem || blocked) return;
    void run('publish', async () => {
      // The API publishes the stored draft, so the canvas is stored first unless it already is.
      if (!saved.current) await save();
      try {
        onPublished(await publishRulesetDraft(dp, note.trim()));
      } catch (error) {
        const sorted = sortPublishIssues(error instanceof ApiError ? error.issues : []);
        if (sorted.note) setNoteError(sentence(sorted.note));
        throw error;
      }
    });
  };

  return (
    <Stack gap="sm">
      {refusal &&
        (refusal.issues.length > 0 ? (
          <IssueList title="Sluice refused this draft; fix these and try again" issues={refusal.issues} draft={definition} />
        ) : (
          <Alert color="red" title="That did not work" data-testid="rules-publish-error">
            {refusal.message}
          </Alert>
        ))}
      <Textarea
        data-testid="rules-note"
        label="What changed and why"
        description="Kept in the version history, so others can see why decisions moved."
        placeholder="e.g. Orders due within 4 hours now get 40 points instead of 30: too many were released late."
        required
        autosize
        minRows={2}
        maxLength={500}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          setNoteError(undefined);
        }}
        error={noteError}
      />
      <Group justify="space-between">
        <Text size="sm" c={blocked ? 'red' : 'dimmed'} data-testid="rules-draft-status">
          {blocked ?? (saved.current ? 'The draft is saved.' : saved.exists ? 'Changes since the draft was saved.' : 'Not saved as a draft yet.')}
        </Text>
        <Group gap="xs">
          <Button variant="default" data-testid="rules-cancel" loading={pending === 'discard'} onClick={() => setConfirmingDiscard(true)}>
            Discard draft
          </Button>
          <Button variant="light" data-testid="rules-save-draft" loading={pending === 'save'} disabled={!!blocked || saved.current} onClick={() => void run('save', save)}>
            Save draft
          </Button>
          <Button data-testid="rules-publish" loading={pending === 'publish'} onClick={publish}>
            Publish new version
          </Button>
        </Group>
      </Group>
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
