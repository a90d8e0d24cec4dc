import { Alert } from '@mantine/core';
import type { Escalation } from '../../../domain/order.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { escalationNoteText } from '../format/escalation-text.ts';

/** Whose queue the order waits in, why, and where resolving it may send it. */
export function EscalationNote({ escalation }: { escalation: Escalation }) {
  return (
    <Alert
      color="red"
      title={`Escalated to the ${ROLE_LABELS[escalation.role]} queue`}
      data-testid="escalation-note"
      data-escalation-role={escalation.role}
    >
      {escalationNoteText(escalation)}
    </Alert>
  );
}
