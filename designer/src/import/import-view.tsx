import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../../../domain/order-import.ts';
import { getImport, listImports, type UploadedImport } from '../api/imports-client.ts';
import { useResource } from '../api/use-resource.ts';
import { useLocationSearch } from '../orders/orders-link.ts';
import { ImportReport } from './import-report.tsx';
import { MappingPanel } from './mapping-panel.tsx';
import { UploadPanel } from './upload-panel.tsx';

/** Orders from a spreadsheet: upload, map the columns, check the rows, import the good ones. */
export function ImportView() {
  const [current, setCurrent] = useState<{ summary: ImportSummary; sample: string[][] } | null>(null);
  const [mapping, setMapping] = useState(false);
  const recent = useResource('imports', listImports);
  // The list of recent imports shows each one's state: it is read again when the open import's state changes, not at every progress poll.
  const shownState = useRef<string | null>(null);
  const update = useCallback(
    (summary: ImportSummary) => {
      setCurrent((c) => (c && c.summary.id === summary.id ? { ...c, summary } : { summary, sample: [] }));
      if (summary.state !== shownState.current) {
        shownState.current = summary.state;
        recent.reload();
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload is stable for the view's life
    [],
  );
  const uploaded = ({ sample, ...summary }: UploadedImport) => {
    setCurrent({ summary, sample });
    setMapping(true);
    recent.reload();
  };
  const open = async (id: string) => {
    const summary = await getImport(id);
    setCurrent({ summary, sample: [] });
    setMapping(summary.state === 'uploaded');
  };
  // A link to one import (`?view=import&import=<id>`, as its "import done" notification carries) opens it.
  const linked = new URLSearchParams(useLocationSearch()).get('import');
  useEffect(() => {
    if (!linked) return;
    let live = true;
    void getImport(linked).then((summary) => {
      if (!live) return;
      setCurrent({ summary, sample: [] });
      setMapping(summary.state === 'uploaded');
    });
    return () => {
      live = false;
    };
  }, [linked]);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Import orders</Title>
        <Text c="dimmed" size="sm">
          Each row is checked as an order entered by hand is; only the good rows are imported, and a row is never imported twice.
        </Text>
      </div>
      <UploadPanel onUploaded={uploaded} />
      {current && mapping && (
        <MappingPanel
          key={current.summary.id}
          summary={current.summary}
          sample={current.sample}
          onChecked={(summary) => {
            update(summary);
            setMapping(false);
          }}
        />
      )}
      {current && !mapping && current.summary.state !== 'uploaded' && <ImportReport summary={current.summary} onChange={update} />}
      {(recent.data?.length ?? 0) > 0 && (
        <Table data-testid="import-recent" striped>
          <Table.Caption>Recent imports</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Uploaded</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Rows</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recent.data!.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" onClick={() => void open(i.id)}>
                    {i.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{new Date(i.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{i.state}</Badge>
                </Table.Td>
                <Table.Td>{i.counts.rows.toLocaleString('en')}</Table.Td>
                <Table.Td>{i.counts.created.toLocaleString('en')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
