import { useState } from 'react';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetVersionSummary, RulesetView } from '../../../domain/ruleset.ts';
import type { Resource } from '../api/use-resource.ts';
import { ChangeRequests } from './change-requests.tsx';
import { CompareModal } from './compare/compare-modal.tsx';
import { RollbackModal } from './rollback-modal.tsx';
import { RulesetVersions } from './ruleset-versions.tsx';

interface RulesetHistoryProps {
  dp: DecisionPointId;
  versions: Resource<RulesetVersionSummary[]>;
  mayPublish: boolean;
  onRolledBack: (published: RulesetView) => void;
}

/** The versions of a ruleset, with comparing any two of them and, for ops managers, bringing an old one back. */
export function RulesetHistory({ dp, versions, mayPublish, onRolledBack }: RulesetHistoryProps) {
  const [comparing, setComparing] = useState<{ from?: number } | null>(null);
  const [rollingBack, setRollingBack] = useState<number | null>(null);
  return (
    <>
      <ChangeRequests dp={dp} mayPublish={mayPublish} onDecided={versions.reload} />
      <RulesetVersions versions={versions} mayPublish={mayPublish} onCompare={(from) => setComparing(from === undefined ? {} : { from })} onRollBack={setRollingBack} />
      <CompareModal opened={comparing} onClose={() => setComparing(null)} dp={dp} versions={versions.data ?? []} canvas={null} />
      <RollbackModal
        dp={dp}
        version={rollingBack}
        onClose={() => setRollingBack(null)}
        onRolledBack={(published) => {
          setRollingBack(null);
          onRolledBack(published);
        }}
      />
    </>
  );
}
