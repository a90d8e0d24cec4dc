import { Alert, Button, FileButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PAYMENT_TERMS_LABELS } from '../../../domain/account.ts';
import { can } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { AccountDrawer } from './account-drawer.tsx';
import { importAccounts, listAccounts, type AccountImportReport } from './accounts-client.ts';
import { money } from './money.ts';

/** Customer accounts: search, open one to edit it (fields by role), add one, import a file. */
export function AccountsView() {
  const { user } = useSession();
  const [q, setQ] = useState('');
  const accounts = useResource(`accounts:${q}`, (signal) => listAccounts(q.trim(), signal));
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [report, setReport] = useState<AccountImportReport | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const manages = can(user.roles, 'accounts.manage');

  const upload = async (file: File | null) => {
    if (!file) return;
    setImportError(null);
    try {
      setReport(await importAccounts(file));
      accounts.reload();
    } catch (err) {
      setImportError((err as Error).message);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Accounts</Title>
        {manages && (
          <Group>
            <FileButton onChange={(file) => void upload(file)} accept=".csv,.xlsx,text/csv">
              {(props) => (
                <Button variant="default" {...props} data-testid="accounts-import">
                  Import CSV or XLSX
                </Button>
              )}
            </FileButton>
            <Button onClick={() => setAdding(true)} data-testid="account-add">
              Add an account
            </Button>
          </Group>
        )}
      </Group>
      <TextInput label="Search" description="The beginning of an account's code or name" value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={360} data-testid="accounts-search" />
      {importError && (
        <Alert color="red" title="The file was not imported">
          {importError}
        </Alert>
      )}
      {report && (
        <Alert color={report.invalid > 0 ? 'yellow' : 'green'} title={`Imported: ${report.created} added, ${report.updated} changed, ${report.invalid} not taken`} withCloseButton onClose={() => setReport(null)} data-testid="accounts-import-report">
          {report.rows.map((r) => (
            <Text size="sm" key={r.row}>
              Row {r.row}
              {r.code ? ` (${r.code})` : ''}: {r.problems.join('; ')}
            </Text>
          ))}
        </Alert>
      )}
      {accounts.error && <LoadError title="The accounts could not be loaded" error={accounts.error} onRetry={accounts.reload} />}
      <Table striped highlightOnHover data-testid="accounts-table">
        <Table.Caption>Customer accounts, by code; credit exposure is open orders plus unpaid invoices less payments.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Terms</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Credit limit</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Exposure</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Available</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(accounts.data?.accounts ?? []).map((a) => (
            <Table.Tr key={a.code}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setOpen(a.code)} data-testid={`account-open-${a.code}`}>
                  {a.code}
                </Button>
              </Table.Td>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>
                {a.tier}
                {a.majorAccount ? ' · major' : ''}
              </Table.Td>
              <Table.Td>{PAYMENT_TERMS_LABELS[a.paymentTerms]}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(a.creditLimit)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(a.creditExposure)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }} c={a.creditAvailable < 0 ? 'red.8' : undefined}>
                {money(a.creditAvailable)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {accounts.data && accounts.data.accounts.length === 0 && <Text c="dimmed">No account{q ? ` begins with "${q}"` : ' yet'}.</Text>}
      {(open !== null || adding) && (
        <AccountDrawer
          code={open}
          onClose={() => {
            setOpen(null);
            setAdding(false);
          }}
          onSaved={(code) => {
            setAdding(false);
            setOpen(code);
            accounts.reload();
          }}
        />
      )}
    </Stack>
  );
}
