import { Badge, Stack, Text } from '@mantine/core';
import type { DayStatus } from '../../../domain/reconciliation/reconciliation.ts';

const at = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Whether the day is open, signed off (by whom, when, the snapshot's hash) or reopened (by whom and why). */
export function DayStatusNote({ status }: { status: DayStatus }) {
  if (status.status === 'signed_off' && status.signOff) {
    return (
      <Stack gap={2} data-testid="reconciliation-status">
        <Badge color="green" size="lg">
          Signed off
        </Badge>
        <Text size="sm">
          By {status.signOff.signedOffBy} at {at(status.signOff.signedOffAt)}. The figures below are the snapshot signed; the day refuses cash, invoice and credit
          changes until it is reopened.
        </Text>
        <Text size="xs" c="dimmed">
          SHA-256 {status.signOff.sha256}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2} data-testid="reconciliation-status">
      <Badge color={status.status === 'reopened' ? 'orange' : 'gray'} size="lg">
        {status.status === 'reopened' ? 'Reopened' : 'Open'}
      </Badge>
      {status.reopened ? (
        <Text size="sm">
          Reopened by {status.reopened.by} at {at(status.reopened.at)}: {status.reopened.reason}
        </Text>
      ) : (
        <Text size="sm">Not signed off: the figures are computed now, and change as the day&apos;s orders do.</Text>
      )}
    </Stack>
  );
}
