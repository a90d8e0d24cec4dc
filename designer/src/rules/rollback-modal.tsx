import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetView } from '../../../domain/ruleset.ts';
import { rollBackRuleset } from '../api/client.ts';
import { NoteField, useNote } from './note-field.tsx';

interface RollbackModalProps {
  dp: DecisionPointId;
  /** The version to bring back; null when closed. */
  version: number | null;
  onClose: () => void;
  onRolledBack: (published: RulesetView) => void;
}

function RollbackForm({ dp, version, onClose, onRolledBack }: Omit<RollbackModalProps, 'version'> & { version: number }) {
  const note = useNote();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const rollBack = async () => {
    const text = note.checked();
    if (text === null) return;
    setPending(true);
    setError(null);
    try {
      onRolledBack(await rollBackRuleset(dp, version, text));
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
      <NoteField
        note={note}
        testId="rules-rollback-note"
        label="Why roll back"
        description="Kept in the version history with the new version."
        placeholder="e.g. The new weights released too many small orders first."
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
