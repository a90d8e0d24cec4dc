import { Alert } from '@mantine/core';
import type { Escalation } from '../../../domain/order.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { RESOLVE_TARGETS } from '../../../domain/resolve-targets.ts';
import { humanize } from '../format/labels.ts';

/** Whose queue the order waits in, why, and where resolving it may send it. */
export function EscalationNote({ escalation }: { escalation: Escalation }) {
  const [back, ...alternatives] = RESOLVE_TARGETS[escalation.from].map((state) => humanize(state).toLowerCase());
  return (
    <Alert
      color="red"
      title={`Escalated to the ${ROLE_LABELS[escalation.role]} queue`}
      data-testid="escalation-note"
      data-escalation-role={escalation.role}
    >
      {escalation.reason}. Resolving it sends the order back to {back}
      {alternatives.length > 0 && ` (or to ${alternatives.join(' or ')})`}. Escalated from {humanize(escalation.from).toLowerCase()}.
    </Alert>
  );
}
