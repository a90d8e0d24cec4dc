import { Alert, Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReconciliationDayView } from '../../../domain/reconciliation/reconciliation.ts';
import { can } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { money } from '../accounts/money.ts';
import { useSession } from '../session/use-session.ts';
import { DayStatusNote } from './day-status-note.tsx';
import { DiscrepancyList } from './discrepancy-list.tsx';
import { exportHref, getDay, listSites, signOffDay } from './reconciliation-client.ts';
import { ReopenForm } from './reopen-form.tsx';

/** A site's day: figures, cash on delivery per driver, every discrepancy with its order's link; finance signs it off. */
export function ReconciliationView() {
  const { user } = useSession();
  const sites = useResource('reconciliation-sites', listSites);
  const [chosen, setChosen] = useState<{ site: string; day: string } | null>(null);
  const first = sites.data?.[0];
  const site = chosen?.site ?? first?.site ?? null;
  const day = chosen?.day ?? first?.yesterday ?? '';

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>End-of-day reconciliation</Title>
      {sites.error && <LoadError title="Sites could not be loaded" error={sites.error} onRetry={sites.reload} />}
      {sites.data?.length === 0 && (
        <Text c="dimmed" data-testid="reconciliation-no-sites">
          No sites yet: a day is reconciled per warehouse, and no work area names one. An admin or ops manager sets a work area&apos;s warehouse.
        </Text>
      )}
      {sites.data && site && (
        <>
          <Group align="flex-end">
            <Select
              label="Site"
              data={sites.data.map((s) => ({ value: s.site, label: `${s.site} (${s.timeZone})` }))}
              value={site}
              allowDeselect={false}
              w={320}
              onChange={(value) => value && setChosen({ site: value, day: sites.data!.find((s) => s.site === value)?.yesterday ?? day })}
              data-testid="reconciliation-site"
            />
            <TextInput label="Day" description="In the site's time zone" type="date" value={day} onChange={(e) => setChosen({ site, day: e.currentTarget.value })} data-testid="reconciliation-day" />
          </Group>
          {/^\d{4}-\d{2}-\d{2}$/.test(day) ? <SiteDay key={`${site}/${day}`} site={site} day={day} signs={can(user.roles, 'reconciliation.signOff')} /> : <Text c="dimmed">Choose a day.</Text>}
        </>
      )}
    </Stack>
  );
}

function SiteDay({ site, day, signs }: { site: string; day: string; signs: boolean }) {
  const loaded = useResource(`reconciliation:${site}/${day}`, (signal) => getDay(site, day, signal));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  if (loaded.error) return <LoadError title="The day could not be loaded" error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loader size="sm" />;
  const { report, status } = loaded.data;
  const signedOff = status.status === 'signed_off';

  const signOff = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOffDay(site, day);
      loaded.reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <DayStatusNote status={status} />
        <Group>
          <Button component="a" variant="default" href={exportHref('csv', site, day)} download data-testid="reconciliation-csv">
            Download CSV
          </Button>
          <Button component="a" variant="default" href={exportHref('pdf', site, day)} download data-testid="reconciliation-pdf">
            Download PDF
          </Button>
          {signs && !signedOff && (
            <Button onClick={() => void signOff()} loading={busy} data-testid="reconciliation-sign-off">
              Sign off {day}
            </Button>
          )}
          {signs && signedOff && !reopening && (
            <Button variant="light" color="orange" onClick={() => setReopening(true)} data-testid="reconciliation-reopen">
              Reopen…
            </Button>
          )}
        </Group>
      </Group>
      {error && (
        <Alert color="red" title="The day was not signed off" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {reopening && (
        <ReopenForm
          site={site}
          day={day}
          onCancel={() => setReopening(false)}
          onReopened={() => {
            setReopening(false);
            loaded.reload();
          }}
        />
      )}
      <Figures report={report} />
      <DriverCash report={report} />
      <DiscrepancyList report={report} />
    </Stack>
  );
}

function Figures({ report }: { report: ReconciliationDayView['report'] }) {
  const f = report.figures;
  const cards: [string, string][] = [
    ['Orders captured', String(f.captured)],
    ['Released', String(f.released)],
    ['Completed (shipped)', String(f.completed)],
    ['Not closed', String(f.notClosed)],
    ['Invoices issued', String(f.invoicesIssued)],
    ['COD expected', money(f.codExpected)],
    ['COD collected', money(f.codCollected)],
    ['COD remitted', money(f.codRemitted)],
  ];
  return (
    <section aria-labelledby="reconciliation-figures">
      <Title order={3} id="reconciliation-figures" mb="xs">
        The day in figures
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="reconciliation-figures">
        {cards.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={600}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

function DriverCash({ report }: { report: ReconciliationDayView['report'] }) {
  return (
    <section aria-labelledby="reconciliation-drivers">
      <Title order={3} id="reconciliation-drivers" mb="xs">
        Cash on delivery per driver
      </Title>
      {report.drivers.length === 0 ? (
        <Text c="dimmed">No cash-on-delivery orders shipped on this day.</Text>
      ) : (
        <Table striped withTableBorder data-testid="reconciliation-drivers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Driver</Table.Th>
              <Table.Th>Orders</Table.Th>
              <Table.Th>Expected</Table.Th>
              <Table.Th>Collected</Table.Th>
              <Table.Th>Remitted</Table.Th>
              <Table.Th>Remitted − collected</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.drivers.map((d) => (
              <Table.Tr key={d.driver}>
                <Table.Td>{d.driver}</Table.Td>
                <Table.Td>{d.orders}</Table.Td>
                <Table.Td>{money(d.expected)}</Table.Td>
                <Table.Td>{money(d.collected)}</Table.Td>
                <Table.Td>{money(d.remitted)}</Table.Td>
                <Table.Td>{d.remitVariance === 0 ? '—' : <Badge color={d.remitVariance < 0 ? 'red' : 'yellow'}>{money(d.remitVariance)}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
