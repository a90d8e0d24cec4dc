import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { creditNoteInput, type DocumentSummary } from '../../../domain/document.ts';
import { creditInvoice } from '../api/documents-client.ts';
import { maxLengthOf } from '../validation/limits.ts';

interface CreditNoteFormProps {
  invoice: DocumentSummary;
  /** Called with the API's answer: the note, or a message that it is still being issued. */
  onDone: (message: string | null) => void;
  onCancel: () => void;
}

/** Finance credits an issued invoice: the reason is printed on the credit note, so it is required. */
export function CreditNoteForm({ invoice, onDone, onCancel }: CreditNoteFormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = creditNoteInput.safeParse({ reason });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'say why the invoice is credited');
    setError(null);
    setBusy(true);
    try {
      const answer = await creditInvoice(invoice.id, parsed.data.reason);
      onDone('message' in answer ? answer.message : null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" mt="sm" data-testid="credit-note-form">
      <Text size="sm">
        Credit invoice <b>{invoice.number}</b> in full. The invoice stays as issued; the credit note gets its own number and prints the reason.
      </Text>
      <Textarea
        data-testid="credit-note-reason"
        label="Reason"
        description="Printed on the credit note, e.g. goods returned, price corrected."
        required
        autosize
        minRows={2}
        maxLength={maxLengthOf(creditNoteInput.shape.reason)}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={error}
      />
      <Group gap="xs">
        <Button size="compact-sm" color="orange" loading={busy} onClick={() => void submit()} data-testid="credit-note-submit">
          Issue credit note
        </Button>
        <Button size="compact-sm" variant="default" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
