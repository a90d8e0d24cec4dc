import { Text } from '@mantine/core';
import { describeRoles } from '../../../domain/roles.ts';
import type { OthersAction } from './action-availability.ts';
import { ACTION_LABELS } from './action-labels.ts';

const describe = ({ action, holdType, roles }: OthersAction) =>
  `${holdType ? `Releasing the ${holdType} hold` : ACTION_LABELS[action]} needs ${describeRoles(roles)}`;

/** The lifecycle's other open doors, and whose they are: who to call when the order must move and the person cannot move it. */
export function OthersActionsNote({ actions }: { actions: OthersAction[] }) {
  if (actions.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="actions-for-others">
      For other roles: {actions.map(describe).join('; ')}.
    </Text>
  );
}
