import { Alert, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition, RulesetVersionSummary } from '../../../../domain/ruleset.ts';
import { getRulesetDraft, getRulesetVersion } from '../../api/client.ts';
import { LoadError } from '../../api/load-error.tsx';
import { useResource } from '../../api/use-resource.ts';
import { defaultSides, sideOf, sideOptions, sideValue, type Side } from './compare-sides.ts';
import { DiffView } from './diff-view.tsx';

interface CompareModalProps {
  /** Null when closed; otherwise the version to compare from, when one was picked. */
  opened: { from?: number } | null;
  onClose: () => void;
  dp: DecisionPointId;
  versions: readonly RulesetVersionSummary[];
  /** The canvas being edited, to compare too; null outside the designer. */
  canvas: RulesetDefinition | null;
}

async function load(dp: DecisionPointId, side: Side, canvas: RulesetDefinition | null, signal: AbortSignal): Promise<RulesetDefinition> {
  if (side === 'canvas') {
    if (!canvas) throw new Error('The canvas is not open.');
    return canvas;
  }
  if (side === 'draft') {
    const draft = await getRulesetDraft(dp, signal);
    if (!draft) throw new Error('There is no saved draft any more.');
    return draft.definition;
  }
  return (await getRulesetVersion(dp, side, signal)).definition;
}

function Comparison({ dp, versions, canvas, from: picked }: Omit<CompareModalProps, 'opened' | 'onClose'> & { from: number | undefined }) {
  const [sides, setSides] = useState(() => defaultSides(versions, canvas !== null, picked));
  const options = sideOptions(versions, canvas !== null);
  const key = sides ? `compare:${dp}:${sideValue(sides.from)}:${sideValue(sides.to)}` : `compare:${dp}:none`;
  const loaded = useResource(key, async (signal) => (sides ? Promise.all([load(dp, sides.from, canvas, signal), load(dp, sides.to, canvas, signal)]) : null));

  if (!sides) {
    return (
      <Text size="sm" c="dimmed" data-testid="compare-nothing">
        There is nothing to compare yet: publish a version first, then compare it with a later one or with your draft.
      </Text>
    );
  }
  const pick = (which: 'from' | 'to') => (value: string | null) => value !== null && setSides({ ...sides, [which]: sideOf(value) });
  return (
    <Stack gap="sm" data-testid="compare-view" data-from={sideValue(sides.from)} data-to={sideValue(sides.to)}>
      <Group align="flex-end" gap="sm">
        <Select label="Older" description="What the changes are measured from" data-testid="compare-from" data={options} value={sideValue(sides.from)} onChange={pick('from')} allowDeselect={false} w={260} />
        <Select label="Newer" description="Shown on the canvas" data-testid="compare-to" data={options} value={sideValue(sides.to)} onChange={pick('to')} allowDeselect={false} w={260} />
        {loaded.loading && <Loader size="sm" mb={8} />}
      </Group>
      {loaded.error && <LoadError title="These versions could not be loaded" error={loaded.error} onRetry={loaded.reload} />}
      {sides.from === sides.to && (
        <Alert color="gray" p="xs">
          Pick two different versions to see differences.
        </Alert>
      )}
      {loaded.data && (
        <ReactFlowProvider>
          <DiffView older={loaded.data[0]} newer={loaded.data[1]} />
        </ReactFlowProvider>
      )}
    </Stack>
  );
}

/** Two versions side by side in one picture: the newer on a read-only canvas, marked where it differs from the older. */
export function CompareModal({ opened, onClose, ...comparison }: CompareModalProps) {
  return (
    <Modal opened={opened !== null} onClose={onClose} title="Compare versions" size="95%">
      {opened && <Comparison {...comparison} from={opened.from} />}
    </Modal>
  );
}
