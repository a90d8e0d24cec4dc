import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { uploadImport, type UploadedImport } from '../api/imports-client.ts';

/** A file picked or dropped, sent at once; the server says what is wrong with a file it cannot read. */
export function UploadPanel({ onUploaded }: { onUploaded: (uploaded: UploadedImport) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onUploaded(await uploadImport(file));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <Paper
      withBorder
      p="lg"
      data-testid="import-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-light)' : undefined }}
    >
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>Upload a file of orders</Text>
        <Text size="sm">
          A CSV or XLSX file with a header row, one order a row (at most 50,000 rows). Lines go in one cell, such as <code>SKU-1 x2; SKU-2 x1</code>, or in
          SKU and quantity columns for one-line orders. Drop it here or choose it.
        </Text>
        <Group>
          <input
            ref={input}
            id="import-file"
            data-testid="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={(event) => void send(event.currentTarget.files?.[0])}
          />
          <Button loading={busy} onClick={() => input.current?.click()} data-testid="import-choose">
            Choose a file
          </Button>
        </Group>
        {error && (
          <Alert color="red" title="The file was not taken" data-testid="import-upload-error" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
