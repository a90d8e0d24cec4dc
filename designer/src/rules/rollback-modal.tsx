import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetView } from '../../../domain/ruleset.ts';
import { rollBackRuleset } from '../api/client.ts';
import { sentence } from '../format/labels.ts';
import { checkNote } from './draft-check.ts';

interface RollbackModalProps {
  dp: DecisionPointId;
  /** The version to bring back; null when closed. */
  version: number | null;
  onClose: () => void;
  onRolledBack: (published: RulesetView) => void;
}

function RollbackForm({ dp, version, onClose, onRolledBack }: Omit<RollbackModalProps, 'version'> & { version: number }) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const rollBack = async () => {
    const problem = checkNote(note);
    setNoteError(problem && sentence(problem));
    if (problem) return;
    setPending(true);
    setError(null);
    try {
      onRolledBack(await rollBackRuleset(dp, version, note.trim()));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(false);
    }
  };

  return (
    <Stack gap="md" data-testid="rules-rollback-modal">
      <Text size="sm">
        The rules of version {version} are published again, as a new version that takes effect now; the version in force is retired. A saved draft stays as it is.
      </Text>
      {error && (
        <Alert color="red" title="That did not work" data-testid="rules-rollback-error">
          {error}
        </Alert>
      )}
      <Textarea
        data-testid="rules-rollback-note"
        data-autofocus
        label="Why roll back"
        description="Kept in the version history with the new version."
        placeholder="e.g. The new weights released too many small orders first."
        required
        autosize
        minRows={2}
        maxLength={400}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          setNoteError(undefined);
        }}
        error={noteError}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="orange" data-testid="rules-rollback-confirm" loading={pending} onClick={() => void rollBack()}>
          Roll back to version {version}
        </Button>
      </Group>
    </Stack>
  );
}

/** Asks why before bringing an old version back; nothing happens without a note. */
export function RollbackModal({ version, ...form }: RollbackModalProps) {
  return (
    <Modal opened={version !== null} onClose={form.onClose} title={`Roll back to version ${version ?? ''}?`}>
      {version !== null && <RollbackForm {...form} version={version} />}
    </Modal>
  );
}
