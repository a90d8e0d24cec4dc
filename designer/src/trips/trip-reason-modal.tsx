import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { TRIP_NOTE_MAX } from '../../../domain/trips/trip.ts';

interface TripReasonModalProps {
  title: string;
  confirmLabel: string;
  /** Drivers to choose from when the change goes to another driver (a hand-over); none for a cancellation. */
  drivers?: readonly { value: string; label: string }[];
  error: string | null;
  pending: boolean;
  onConfirm: (reason: string, driverId: string | null) => void;
  onCancel: () => void;
}

/** Asks for the reason a trip changes (and, for a hand-over, the driver it goes to); the audit log keeps the reason. */
export function TripReasonModal({ title, confirmLabel, drivers, error, pending, onConfirm, onCancel }: TripReasonModalProps) {
  const [reason, setReason] = useState('');
  const [driver, setDriver] = useState<string | null>(null);
  const ready = reason.trim().length > 0 && (!drivers || driver !== null);
  return (
    <Modal opened onClose={onCancel} title={title} centered>
      <Stack gap="md">
        {drivers && (
          <Select
            label="Driver"
            description={drivers.length === 0 ? 'Their work area has no other driver.' : 'The trip keeps its stops in the same order.'}
            data={[...drivers]}
            value={driver}
            onChange={setDriver}
            data-testid="trip-driver"
          />
        )}
        <Textarea label="Reason" description="Kept in the trip's timeline." maxLength={TRIP_NOTE_MAX} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus data-testid="trip-reason" />
        {error && (
          <Alert color="red" title="That did not work" data-testid="trip-modal-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Back
          </Button>
          <Button disabled={!ready} loading={pending} onClick={() => onConfirm(reason.trim(), driver)} data-testid="trip-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
