import { Alert, Button, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { NOT_IN_BULK, type BulkRequest, type BulkSelection, type DryRunResult } from '../../../domain/bulk-job.ts';
import { BULK_PRINT_MAX_ORDERS } from '../../../domain/bulk-print.ts';
import { DOCUMENT_KIND_LABELS, ORDER_DOCUMENT_KINDS, type OrderDocumentKind } from '../../../domain/document.ts';
import { HOLD_TYPES, ORDER_ACTIONS, orderActionRequest, type OrderActionName } from '../../../domain/order.ts';
import { ApiError } from '../api/api-error.ts';
import { Pager } from '../common/pager.tsx';
import { sentence } from '../format/labels.ts';
import { ActionInputs } from '../orders/action-inputs.tsx';
import { initialFields, type ActionFields } from '../orders/action-fields.ts';
import { ACTION_LABELS } from '../orders/action-labels.ts';
import { buildActionRequest, requiresReason, serverFieldErrors, type FieldErrors } from '../orders/action-request.ts';
import { useSession } from '../session/use-session.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { createBulkJob, dryRunBulkJob } from './bulk-client.ts';
import { describeSelection, parseOrderList } from './bulk-selection.ts';

const ACTIONS = ORDER_ACTIONS.filter((action) => !NOT_IN_BULK.includes(action)).map((value) => ({ value, label: ACTION_LABELS[value] }));
const PRINT = 'print_documents';
const PRINT_ACTION = { value: PRINT, label: 'Print documents (one PDF)' };
type BulkAction = OrderActionName | typeof PRINT;
const PRINT_KINDS = ORDER_DOCUMENT_KINDS.map((value) => ({ value, label: DOCUMENT_KIND_LABELS[value] }));
// The order by order choices of the drawer do not apply to many orders: every hold type is offered, and a resolve sends each back where it came from.
const CHOICES = { holdTypes: [...HOLD_TYPES], releaseHoldTypes: [...HOLD_TYPES], resolveTargets: [] };
const PAGE = 20;

interface NewJobProps {
  /** From the link that opened the screen (rows picked, or a filter); else the person pastes ids or references. */
  linked: BulkSelection | null;
  onStarted: (jobId: string) => void;
}

/** Choose the orders and the action, see the dry run, then run it as a job. */
export function BulkNewJob({ linked, onStarted }: NewJobProps) {
  const { can } = useSession();
  const [pasted, setPasted] = useState('');
  const [action, setAction] = useState<BulkAction>('hold');
  const [printKind, setPrintKind] = useState<OrderDocumentKind>('packing_slip');
  const [fields, setFields] = useState<ActionFields>(() => initialFields(0));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dry, setDry] = useState<{ result: DryRunResult; request: BulkRequest; selection: BulkSelection } | null>(null);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const selection: BulkSelection | null = linked ?? (parseOrderList(pasted).length ? { orderIds: parseOrderList(pasted) } : null);
  const change = (patch: Partial<ActionFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setDry(null);
  };

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.issues) setErrors(serverFieldErrors(error.issues.map((i) => ({ ...i, path: i.path.replace(/^request\./, '') }))));
    setFailure(error instanceof Error ? error.message : String(error));
  };

  const runDry = async (toPage = 1) => {
    if (!selection) return;
    const built: { ok: true; request: BulkRequest } | { ok: false; errors: FieldErrors } = action === PRINT ? { ok: true, request: { action: PRINT, kind: printKind } } : buildActionRequest(action, fields);
    if (!built.ok) return setErrors(built.errors);
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      setDry({ result: await dryRunBulkJob(selection, built.request, { offset: (toPage - 1) * PAGE, limit: PAGE }), request: built.request, selection });
      setPage(toPage);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!dry) return;
    setBusy(true);
    try {
      onStarted((await createBulkJob(dry.selection, dry.request)).id);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={3}>New bulk action</Title>
      {linked ? (
        <Text data-testid="bulk-selection">Selected: {describeSelection(linked, dry?.result.total ?? null)}</Text>
      ) : (
        <Textarea
          data-testid="bulk-paste"
          label="Orders"
          description="Paste order ids or references: one a line, or separated by commas (a column copied from a spreadsheet works)."
          autosize
          minRows={3}
          maxRows={10}
          value={pasted}
          onChange={(event) => {
            setPasted(event.currentTarget.value);
            setDry(null);
          }}
        />
      )}
      <Group align="flex-start" gap="md">
        <Select
          data-testid="bulk-action"
          label="Action"
          data={can('documents.issue') ? [...ACTIONS, PRINT_ACTION] : ACTIONS}
          value={action}
          onChange={(value) => value && (setAction(value as BulkAction), setDry(null), setErrors({}))}
          allowDeselect={false}
          searchable
          w={240}
        />
        {action === PRINT ? (
          <>
            <Select
              data-testid="bulk-print-kind"
              label="Document"
              data={PRINT_KINDS}
              value={printKind}
              onChange={(value) => value && (setPrintKind(value as OrderDocumentKind), setDry(null))}
              allowDeselect={false}
              w={200}
            />
            <Text size="sm" c="dimmed" mt={28} maw={380}>
              Each order&apos;s document is issued if it has none yet (once: an invoice keeps its number), then all are merged, in this order, into one PDF. At most {BULK_PRINT_MAX_ORDERS} orders.
            </Text>
          </>
        ) : action === 'resolve' ? (
          <Text size="sm" c="dimmed" mt={28} maw={260}>
            Each order goes back to the state it was escalated from.
          </Text>
        ) : (
          <ActionInputs action={action} fields={fields} choices={CHOICES} errors={errors} lines={[]} onChange={change} />
        )}
        {action !== PRINT && (
          <TextInput
            data-testid="bulk-reason"
            label={requiresReason(action) ? 'Reason' : 'Reason (optional)'}
            value={fields.reason}
            onChange={(event) => change({ reason: event.currentTarget.value })}
            maxLength={maxLengthOf(orderActionRequest.shape.reason.unwrap())}
            error={errors.reason}
            w={280}
          />
        )}
      </Group>
      <Group>
        <Button data-testid="bulk-dry-run" onClick={() => void runDry()} loading={busy && !dry} disabled={!selection}>
          Dry run
        </Button>
        <Button data-testid="bulk-run" onClick={() => void run()} loading={busy && dry !== null} disabled={!dry || dry.result.wouldRun === 0} color="orange">
          {dry ? `Run on ${dry.result.total.toLocaleString('en')} orders` : 'Run'}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" title="Not done" data-testid="bulk-error">
          {failure}
        </Alert>
      )}
      {dry && <DryRunReport result={dry.result} printing={dry.request.action === PRINT} page={page} onPage={(p) => void runDry(p)} />}
    </Stack>
  );
}

function DryRunReport({ result, printing, page, onPage }: { result: DryRunResult; printing: boolean; page: number; onPage: (page: number) => void }) {
  return (
    <Stack gap="sm" data-testid="bulk-dry-run-report">
      <Title order={4}>Dry run</Title>
      <Text data-testid="bulk-dry-run-counts">
        {result.wouldRun.toLocaleString('en')} of {result.total.toLocaleString('en')} {printing ? 'can be printed' : 'would go through'}; {result.refused.toLocaleString('en')} {printing ? 'cannot' : 'would be refused'}. Nothing has been done yet.
      </Text>
      {result.refused > 0 && (
        <>
          <Table striped withTableBorder data-testid="bulk-dry-run-refused">
            <Table.Caption>{printing ? 'Orders whose document cannot be printed, and why' : 'Orders the action would not go through on, and why'}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Order</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Why not</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.map((item) => (
                <Table.Tr key={item.orderId}>
                  <Table.Td>{item.reference ?? item.orderId}</Table.Td>
                  <Table.Td>{item.state ? sentence(item.state.replaceAll('_', ' ')) : '—'}</Table.Td>
                  <Table.Td>{item.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager total={result.refused} size={PAGE} page={page} onChange={onPage} what="refused orders" testId="bulk-dry-run-pager" />
        </>
      )}
    </Stack>
  );
}
