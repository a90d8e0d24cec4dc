import { Alert, Badge, Button, Grid, Group, JsonInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { RulesetDefinition, RulesetView } from '../../../domain/ruleset.ts';
import { ApiError, type ApiIssue } from '../api/api-error.ts';
import { publishPriorityRuleset } from '../api/client.ts';
import { ConfirmModal } from '../common/confirm-modal.tsx';
import { plural, sentence } from '../format/labels.ts';
import { checkDraft, checkNote, sortPublishIssues, type DraftCheck } from './draft-check.ts';
import { IssueList } from './issue-list.tsx';
import { RulesetCanvas } from './ruleset-canvas.tsx';

interface RulesetEditorProps {
  base: RulesetView;
  onCancel: () => void;
  onPublished: (published: RulesetView) => void;
}

interface Refusal {
  message: string;
  issues: ApiIssue[];
}

const EDITOR_HEIGHT = 'calc(100dvh - 420px)';
const pretty = (definition: RulesetDefinition) => JSON.stringify(definition, null, 2);

/**
 * A new version of the ruleset, written as JSON and checked against the same schema the API uses whenever
 * the field is left; the canvas beside it draws the last draft that passed. Publishing needs a note.
 */
export function RulesetEditor({ base, onCancel, onPublished }: RulesetEditorProps) {
  const [text, setText] = useState(() => pretty(base.definition));
  const [check, setCheck] = useState<DraftCheck>({ kind: 'valid', definition: base.definition });
  const [preview, setPreview] = useState({ definition: base.definition, revision: 0 });
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const dirty = text.trim() !== pretty(base.definition) || note.trim() !== '';

  const recheck = (value: string): DraftCheck => {
    const result = checkDraft(value);
    setCheck(result);
    if (result.kind === 'valid' && pretty(result.definition) !== pretty(preview.definition)) {
      // A new key re-mounts the canvas so it fits the new graph in view.
      setPreview({ definition: result.definition, revision: preview.revision + 1 });
    }
    return result;
  };

  const publish = async () => {
    const result = recheck(text);
    const noteProblem = checkNote(note);
    setNoteError(noteProblem && sentence(noteProblem));
    setRefusal(null);
    if (result.kind !== 'valid' || noteProblem) return;
    setPending(true);
    try {
      onPublished(await publishPriorityRuleset({ definition: result.definition, note: note.trim() }));
    } catch (error) {
      const sorted = sortPublishIssues(error instanceof ApiError ? error.issues : []);
      if (sorted.note) setNoteError(sentence(sorted.note));
      setRefusal({ message: error instanceof Error ? error.message : String(error), issues: sorted.definition });
    } finally {
      setPending(false);
    }
  };

  const draftJson = check.kind === 'valid' ? check.definition : check.kind === 'invalid' ? check.json : undefined;
  const fieldError =
    check.kind === 'not-json'
      ? check.message
      : check.kind === 'invalid'
        ? `${plural(check.issues.length, 'problem', 'problems')}, listed below`
        : undefined;

  return (
    <Paper withBorder p="md" data-testid="ruleset-editor">
      <Stack gap="md">
        <div>
          <Group gap="sm">
            <Title order={3}>New version of {base.name}</Title>
            <Badge color="yellow">draft</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Based on version {base.version}, which keeps deciding priorities until you publish. Once published, new
            priority decisions use this version and version {base.version} is retired.
          </Text>
        </div>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <JsonInput
              data-testid="rules-json"
              label="Rules as JSON"
              description="Each rule adds its points when its conditions hold. Checked when you click outside the field."
              value={text}
              onChange={(value) => {
                setText(value);
                setRefusal(null);
              }}
              onBlur={(event) => recheck(event.currentTarget.value)}
              formatOnBlur
              error={fieldError}
              validationError={check.kind === 'not-json' ? check.message : 'This is not valid JSON'}
              spellCheck={false}
              // An invalid draft keeps readable text: the red border and the list below say what is wrong.
              styles={{ input: { height: EDITOR_HEIGHT, minHeight: 400, fontSize: 12, color: 'var(--mantine-color-text)' } }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Text size="sm" fw={500}>
              Preview
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {check.kind === 'valid'
                ? 'The draft as it will be drawn once published.'
                : 'The last draft that passed the check; fix the problems to see your latest changes.'}
            </Text>
            <RulesetCanvas key={preview.revision} definition={preview.definition} />
          </Grid.Col>
        </Grid>
        {check.kind === 'invalid' && (
          <IssueList
            title={`This draft has ${plural(check.issues.length, 'problem', 'problems')}; fix them to publish`}
            issues={check.issues}
            draft={draftJson}
          />
        )}
        {refusal &&
          (refusal.issues.length > 0 ? (
            <IssueList title="Sluice refused this version; fix these and publish again" issues={refusal.issues} draft={draftJson} />
          ) : (
            <Alert color="red" title="Not published" data-testid="rules-publish-error">
              {refusal.message}
            </Alert>
          ))}
        <Textarea
          data-testid="rules-note"
          label="What changed and why"
          description="Kept in the version history, so others can see why priorities moved."
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
        <Group justify="flex-end">
          <Button variant="default" data-testid="rules-cancel" onClick={() => (dirty ? setConfirmingDiscard(true) : onCancel())}>
            Discard draft
          </Button>
          <Button data-testid="rules-publish" loading={pending} onClick={() => void publish()}>
            Publish new version
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmingDiscard}
        title="Discard this draft?"
        confirmLabel="Discard draft"
        onConfirm={onCancel}
        onCancel={() => setConfirmingDiscard(false)}
      >
        Your changes and note are lost. The published version {base.version} stays as it is.
      </ConfirmModal>
    </Paper>
  );
}
