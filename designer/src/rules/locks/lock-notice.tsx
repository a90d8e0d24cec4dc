import { Alert, List, Text } from '@mantine/core';
import type { EditingMode, RulesetLocks } from '../../../../domain/ruleset-locks.ts';
import { boundText, describeLocks } from '../../format/lock-text.ts';

/** What an admin locked, and why, for everyone who opens the rules; for a value editor, what they may change. */
export function LockNotice({ locks, mode }: { locks: RulesetLocks; mode: EditingMode }) {
  const text = describeLocks(locks);
  if (!text && locks.bounds.length === 0) return null;
  return (
    <Alert color="gray" variant="outline" title="Locked by an admin" data-testid="rules-lock-notice">
      <Text size="sm">{text}</Text>
      {mode === 'values' && (
        <Text size="sm" mt={4} data-testid="rules-values-only">
          You may change values only: condition values, points, deadlines and other outcome params, within their bounds. Rules, conditions, facts, operators, outcome types, a rule’s priority, the hit policy and the rank by stay as they are.
        </Text>
      )}
      {locks.bounds.length > 0 && (
        <>
          <Text size="sm" mt={4}>
            Bounds:
          </Text>
          <List size="sm" data-testid="rules-lock-bounds">
            {locks.bounds.map((b) => (
              <List.Item key={`${b.rule}|${b.path}`}>{boundText(b)}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
