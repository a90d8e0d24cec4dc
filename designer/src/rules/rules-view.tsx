import { Alert, Button, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { DECISION_POINT_SPECS, type DecisionPointId } from '../../../domain/decision-points.ts';
import { describeRolesFor } from '../../../domain/roles.ts';
import type { RulesetView } from '../../../domain/ruleset.ts';
import { editingModeFor, NO_LOCKS } from '../../../domain/ruleset-locks.ts';
import { getRuleset, getRulesetDraft, listRulesetVersions } from '../api/client.ts';
import { getRulesetLocks } from '../api/ruleset-locks-client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { ApprovalSwitch } from './approval-switch.tsx';
import { DecisionPointPicker } from './decision-point-picker.tsx';
import { PublishedRuleset } from './published-ruleset.tsx';
import { RulesDesigner, type DesignerStart } from './rules-designer.tsx';
import { RulesetHistory } from './ruleset-history.tsx';
import { LockNotice } from './locks/lock-notice.tsx';
import { LocksPanel } from './locks/locks-panel.tsx';

/** The rules of each decision point: the version in force for everyone, and a designer for those who may change them. */
export function RulesView() {
  const { can, user } = useSession();
  const [dp, setDp] = useState<DecisionPointId>('priority');
  const spec = DECISION_POINT_SPECS[dp];
  const locksRes = useResource(`locks:${dp}`, (signal) => getRulesetLocks(dp, signal));
  const locks = locksRes.data ?? NO_LOCKS;
  const mode = editingModeFor(user.roles, locks);
  // Who may edit at all: an ops manager, or a role an admin granted value-only editing of this ruleset.
  const mayPublish = mode !== 'none';
  const ruleset = useResource(`ruleset:${dp}`, (signal) => getRuleset(dp, signal));
  // Only someone who may edit continues a draft; others are not shown work in progress.
  const draft = useResource(`draft:${dp}:${mayPublish}`, (signal) => (mayPublish ? getRulesetDraft(dp, signal) : Promise.resolve(null)));
  const versions = useResource(`versions:${dp}`, (signal) => listRulesetVersions(dp, signal));
  const [start, setStart] = useState<DesignerStart | null>(null);
  const [justPublished, setJustPublished] = useState<RulesetView | null>(null);
  // Until the reload lands, the version just published is newer than what was loaded before it.
  const view = justPublished?.decisionPoint === dp && justPublished.version > (ruleset.data?.version ?? 0) ? justPublished : ruleset.data;
  const ready = view !== undefined && draft.data !== undefined;

  const edit = () => {
    setJustPublished(null);
    if (draft.data) setStart({ definition: draft.data.definition, source: `Continuing the draft ${draft.data.author} saved.`, draft: draft.data.definition });
    else if (view) setStart({ definition: view.definition, source: `Based on version ${view.version}.`, draft: null });
    else setStart({ definition: { decisionPoint: dp, name: `${spec.name} rules`, hitPolicy: spec.hitPolicies[0]!, rules: [] }, source: 'A new ruleset.', draft: null });
  };
  const rolledBack = (next: RulesetView) => {
    setJustPublished(next);
    ruleset.reload();
    versions.reload();
  };
  const published = (next: RulesetView) => {
    setStart(null);
    rolledBack(next);
    draft.reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Rules</Title>
          <Text c="dimmed" size="sm">
            What each decision point decides, from an order&apos;s facts. Shown here: the version in force.
          </Text>
          {!mayPublish && locksRes.data && (
            <Text size="sm" mt={4} data-testid="rules-readonly-note">
              Only {describeRolesFor('rules.publish')} can change these rules.
            </Text>
          )}
        </div>
        {mayPublish && ready && !start && (
          <Button data-testid="rules-edit" onClick={edit}>
            {draft.data ? 'Continue the draft' : mode === 'values' ? 'Change values' : view ? 'Edit rules' : 'Write rules'}
          </Button>
        )}
      </Group>
      <DecisionPointPicker
        value={dp}
        disabled={start !== null}
        onChange={(next) => {
          setDp(next);
          setJustPublished(null);
        }}
      />
      <LockNotice locks={locks} mode={mode} />
      {justPublished && (
        <Alert color="green" title={`Version ${justPublished.version} is published`} data-testid="rules-published" withCloseButton closeButtonLabel="Dismiss" onClose={() => setJustPublished(null)}>
          {justPublished.basedOn !== null && `It brings back the rules of version ${justPublished.basedOn}. `}
          New {spec.name.toLowerCase()} decisions use it from now on; the version before it is retired.
          {!start && ' The canvas below shows it.'}
        </Alert>
      )}
      {mayPublish && !start && draft.data && (
        <Alert color="yellow" data-testid="rules-draft-waiting">
          A draft saved by {draft.data.author} is waiting to be published: continue it to review and publish it.
        </Alert>
      )}
      {(ruleset.loading || draft.loading) && view === undefined && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading the {spec.name.toLowerCase()} rules…</Text>
        </Group>
      )}
      {ruleset.error && <LoadError title={`The ${spec.name.toLowerCase()} rules could not be loaded`} error={ruleset.error} onRetry={ruleset.reload} />}
      {draft.error && <LoadError title="The draft could not be loaded" error={draft.error} onRetry={draft.reload} />}
      {start && (
        <ReactFlowProvider>
          <RulesDesigner
            key={dp}
            dp={dp}
            start={start}
            limits={{ locks, mode, base: start.draft ?? view?.definition ?? null }}
            versions={versions.data ?? []}
            onClose={() => setStart(null)}
            onDraftChanged={() => {
              draft.reload();
              versions.reload();
            }}
            onPublished={published}
          />
        </ReactFlowProvider>
      )}
      {!start && view === null && (
        <EmptyState py="xl" title={`No ${spec.name.toLowerCase()} ruleset is published`} description={`${spec.consultedWhen} Until rules are published, the built-in behaviour applies.`} />
      )}
      {!start && view && can('users.manage') && <ApprovalSwitch key={`approval:${dp}`} dp={dp} />}
      {!start && view && can('rules.lock') && locksRes.data && <LocksPanel key={dp} dp={dp} locks={locksRes.data} definition={view.definition} onSaved={locksRes.reload} />}
      {!start && view && <PublishedRuleset key={`${dp}@${view.version}`} view={view} mayPublish={can('rules.publish')} />}
      <RulesetHistory dp={dp} versions={versions} mayPublish={can('rules.publish')} onRolledBack={rolledBack} />
    </Stack>
  );
}
