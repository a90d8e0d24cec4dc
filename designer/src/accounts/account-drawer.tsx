import { Alert, Button, Checkbox, Drawer, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PAYMENT_TERMS, PAYMENT_TERMS_LABELS, type Account, type PaymentTerms } from '../../../domain/account.ts';
import { ACCOUNT_TIERS } from '../../../domain/order.ts';
import { can } from '../../../domain/roles.ts';
import { request } from '../api/request.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { AccountContacts } from './account-contacts.tsx';
import { createAccount, readExposure, saveCredit, saveProfile } from './accounts-client.ts';
import { money } from './money.ts';

const TIER_OPTIONS = ACCOUNT_TIERS.map((t) => ({ value: t, label: t }));
const TERMS_OPTIONS = PAYMENT_TERMS.map((t) => ({ value: t, label: PAYMENT_TERMS_LABELS[t] }));

/** One account: its record (order processors, admins), its credit (finance), its exposure and contacts; or a new one when `code` is null. */
export function AccountDrawer({ code, onClose, onSaved }: { code: string | null; onClose: () => void; onSaved: (code: string) => void }) {
  const account = useResource(`account:${code ?? ''}`, (signal) => (code ? request<Account>(`/accounts/${encodeURIComponent(code)}`, { signal }) : Promise.resolve(null)));
  // Kept here, not in the form, which starts afresh from the account read back after each save.
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (savedCode: string, what: string) => {
    setNotice(what);
    account.reload();
    onSaved(savedCode);
  };
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Title order={2}>{code ? `Account ${code}` : 'New account'}</Title>} data-testid="account-drawer">
      {notice && (
        <Alert color="green" mb="md" data-testid="account-saved">
          {notice}
        </Alert>
      )}
      {code === null && <AccountForm account={null} onSaved={saved} onChange={() => setNotice(null)} />}
      {code !== null && account.data && <AccountForm key={account.data.updatedAt} account={account.data} onSaved={saved} onChange={() => setNotice(null)} />}
      {account.error && <Alert color="red">{account.error.message}</Alert>}
    </Drawer>
  );
}

function AccountForm({ account, onSaved, onChange }: { account: Account | null; onSaved: (code: string, what: string) => void; onChange: () => void }) {
  const { user } = useSession();
  const manages = can(user.roles, 'accounts.manage');
  const credits = can(user.roles, 'accounts.credit');
  const [code, setCode] = useState(account?.code ?? '');
  const [name, setName] = useState(account?.name ?? '');
  const [tier, setTier] = useState<string>(account?.tier ?? 'standard');
  const [major, setMajor] = useState(account?.majorAccount ?? false);
  const [terms, setTerms] = useState<PaymentTerms>(account?.paymentTerms ?? 'prepaid');
  const [limit, setLimit] = useState<number | string>(account?.creditLimit ?? 0);
  const [error, setError] = useState<string | null>(null);
  const profile = { name, tier: tier as Account['tier'], majorAccount: major };

  const run = async (what: string, work: () => Promise<Account>) => {
    setError(null);
    onChange();
    try {
      const result = await work();
      onSaved(result.code, what);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Stack gap="lg">
      {error && (
        <Alert color="red" title="Not saved" data-testid="account-error">
          {error}
        </Alert>
      )}
      <Stack gap="sm" component="section" aria-label="Customer">
        <Title order={3}>Customer</Title>
        {account === null && <TextInput label="Code" description="What orders name as their account" required value={code} onChange={(e) => setCode(e.currentTarget.value)} maxLength={100} data-testid="account-code" />}
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!manages} maxLength={200} data-testid="account-name" />
        <Select label="Tier" data={TIER_OPTIONS} value={tier} onChange={(v) => v && setTier(v)} disabled={!manages} allowDeselect={false} />
        <Checkbox label="Major account" checked={major} onChange={(e) => setMajor(e.currentTarget.checked)} disabled={!manages} />
        {manages && (
          <Group>
            <Button onClick={() => void run(account ? 'Customer saved.' : 'Account added.', () => (account ? saveProfile(account.code, profile) : createAccount({ code, ...profile })))} data-testid="account-save-profile">
              {account ? 'Save customer' : 'Add account'}
            </Button>
          </Group>
        )}
      </Stack>
      {account && (
        <>
          <Stack gap="sm" component="section" aria-label="Credit">
            <Title order={3}>Credit</Title>
            {!credits && <Text size="sm" c="dimmed">Payment terms and the credit limit are set by finance.</Text>}
            <Select label="Payment terms" data={TERMS_OPTIONS} value={terms} onChange={(v) => v && setTerms(v as PaymentTerms)} disabled={!credits} allowDeselect={false} data-testid="account-terms" />
            <NumberInput label="Credit limit" value={limit} onChange={setLimit} min={0} decimalScale={2} thousandSeparator="," disabled={!credits} data-testid="account-limit" />
            {credits && (
              <Group>
                <Button onClick={() => void run('Credit saved.', () => saveCredit(account.code, { paymentTerms: terms, creditLimit: Number(limit) || 0 }))} data-testid="account-save-credit">
                  Save credit
                </Button>
              </Group>
            )}
          </Stack>
          <Exposure code={account.code} updatedAt={account.updatedAt} />
          <AccountContacts code={account.code} editable={manages} />
        </>
      )}
    </Stack>
  );
}

function Exposure({ code, updatedAt }: { code: string; updatedAt: string }) {
  const exposure = useResource(`exposure:${code}:${updatedAt}`, (signal) => readExposure(code, signal));
  const e = exposure.data;
  if (!e) return null;
  const rows: [string, number][] = [
    [`Open orders (${e.openOrderCount})`, e.openOrderValue],
    ['Invoiced', e.invoiced],
    ['Paid', e.paid],
    ['Credit notes', e.credited],
    ['Refunded', e.refunded],
    ['Receivable', e.receivable],
    ['Exposure', e.exposure],
    ['Credit available', e.creditAvailable],
  ];
  return (
    <Stack gap="xs" component="section" aria-label="Exposure">
      <Title order={3}>Exposure</Title>
      <Table data-testid="account-exposure">
        <Table.Caption>What the account has on order and owes; the receivable is invoiced less paid and credited, plus refunds paid out.</Table.Caption>
        <Table.Tbody>
          {rows.map(([label, amount]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>{money(amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
