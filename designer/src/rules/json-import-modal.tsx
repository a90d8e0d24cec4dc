import { Alert, Button, FileButton, Group, JsonInput, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import { plural } from '../format/labels.ts';
import { checkDraft } from './draft-check.ts';
import { IssueList } from './issue-list.tsx';

interface JsonImportModalProps {
  opened: boolean;
  decisionPoint: DecisionPointId;
  /** The draft as it compiles now, to start from. */
  current: RulesetDefinition;
  onImport: (definition: RulesetDefinition) => void;
  onClose: () => void;
}

/** The draft as JSON: read, edit or paste it, or load a file; applying replaces the canvas (and can be undone). */
export function JsonImportModal({ opened, decisionPoint, current, onImport, onClose }: JsonImportModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Rules as JSON" size="xl">
      {opened && <JsonImportForm decisionPoint={decisionPoint} current={current} onImport={onImport} onClose={onClose} />}
    </Modal>
  );
}

function JsonImportForm({ decisionPoint, current, onImport, onClose }: Omit<JsonImportModalProps, 'opened'>) {
  const [text, setText] = useState(() => JSON.stringify(current, null, 2));
  const [result, setResult] = useState<ReturnType<typeof checkDraft> | { kind: 'other-point'; message: string } | null>(null);

  const apply = () => {
    const check = checkDraft(text);
    if (check.kind === 'valid' && check.definition.decisionPoint !== decisionPoint) {
      setResult({ kind: 'other-point', message: `These rules are for the ${check.definition.decisionPoint} decision point, not ${decisionPoint}.` });
      return;
    }
    setResult(check);
    if (check.kind === 'valid') {
      onImport(check.definition);
      onClose();
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        What the canvas compiles to. Paste or load other rules to replace it; whether they fit {decisionPoint} is shown on the canvas.
      </Text>
      <JsonInput
        data-testid="rules-json-text"
        value={text}
        onChange={(value) => {
          setText(value);
          setResult(null);
        }}
        autosize
        minRows={12}
        maxRows={24}
        spellCheck={false}
        styles={{ input: { fontSize: 12 } }}
      />
      {(result?.kind === 'not-json' || result?.kind === 'other-point') && (
        <Alert color="red" data-testid="rules-json-error">
          {result.message}
        </Alert>
      )}
      {result?.kind === 'invalid' && (
        <IssueList title={`Not a ruleset: ${plural(result.issues.length, 'problem', 'problems')}`} issues={result.issues} draft={result.json} />
      )}
      <Group justify="space-between">
        <FileButton accept="application/json,.json" onChange={(file) => void file?.text().then(setText)}>
          {(props) => (
            <Button variant="default" data-testid="rules-json-file" {...props}>
              Load a file…
            </Button>
          )}
        </FileButton>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button data-testid="rules-json-apply" onClick={apply}>
            Replace the canvas
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
