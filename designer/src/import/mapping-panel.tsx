import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportField, ImportMapping, ImportSummary } from '../../../domain/order-import.ts';
import { listImportTemplates, mapImport, saveImportTemplate, validateImport } from '../api/imports-client.ts';
import { useResource } from '../api/use-resource.ts';
import { FIELD_LABELS } from './field-labels.ts';

type Mapping = Partial<Record<ImportField, string>>;

/** Which column fills which order field, suggested from the headers; a saved template fills it in one go. */
export function MappingPanel({ summary, sample, onChecked }: { summary: ImportSummary; sample: string[][]; onChecked: (summary: ImportSummary) => void }) {
  const [mapping, setMapping] = useState<Mapping>(summary.mapping ?? summary.suggestedMapping);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const templates = useResource('import-templates', listImportTemplates);
  const firstRow = sample[0] ?? [];
  const valueOf = (header: string | undefined) => (header === undefined ? '' : (firstRow[summary.headers.indexOf(header)] ?? ''));

  const set = (field: ImportField, header: string | null) =>
    setMapping((m) => {
      const next = { ...m };
      if (header === null) delete next[field];
      else next[field] = header;
      return next;
    });
  const applyTemplate = (id: string | null) => {
    const template = templates.data?.find((t) => t.id === id);
    if (template) setMapping(Object.fromEntries(Object.entries(template.mapping).filter(([, h]) => summary.headers.includes(h))));
  };
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      await mapImport(summary.id, mapping);
      onChecked(await validateImport(summary.id));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    setError(null);
    try {
      const template = await saveImportTemplate(templateName, mapping as ImportMapping);
      setSaved(template.name);
      templates.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3}>Map the columns of {summary.fileName}</Title>
        <Text size="sm">
          {summary.counts.rows.toLocaleString('en')} rows. Each order field takes a column of the file; suggestions come from the column names.
        </Text>
        <Select
          label="Use a saved template"
          placeholder={templates.data?.length ? 'Choose a template' : 'No templates saved yet'}
          data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          onChange={applyTemplate}
          data-testid="import-template"
          w={320}
        />
        <Table data-testid="import-mapping" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order field</Table.Th>
              <Table.Th>Column of the file</Table.Th>
              <Table.Th>First row's value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(Object.keys(FIELD_LABELS) as ImportField[]).map((field) => (
              <Table.Tr key={field}>
                <Table.Td>{FIELD_LABELS[field]}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Column for ${FIELD_LABELS[field]}`}
                    data-testid={`import-map-${field}`}
                    placeholder="Not in the file"
                    clearable
                    data={summary.headers}
                    value={mapping[field] ?? null}
                    onChange={(header) => set(field, header)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate maw={280}>
                    {valueOf(mapping[field])}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && (
          <Alert color="red" title="Not yet" role="alert" data-testid="import-mapping-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput label="Save this mapping as" value={templateName} onChange={(e) => setTemplateName(e.currentTarget.value)} data-testid="import-template-name" />
            <Button variant="default" disabled={templateName.trim() === ''} onClick={() => void save()} data-testid="import-template-save">
              Save template
            </Button>
            {saved && (
              <Text size="sm" role="status">
                Saved as {saved}.
              </Text>
            )}
          </Group>
          <Button loading={busy} onClick={() => void check()} data-testid="import-check">
            Check the rows
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
