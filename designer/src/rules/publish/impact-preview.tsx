import { Alert, Anchor, Button, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import type { RulesImpact } from '../../../../domain/ruleset-testing.ts';
import { listWorkAreas, WORK_AREAS_KEY } from '../../api/client.ts';
import { previewImpact } from '../../api/ruleset-testing-client.ts';
import { useResource } from '../../api/use-resource.ts';
import { humanize, plural } from '../../format/labels.ts';
import { orderName } from '../../format/order-name.ts';
import { OrderDrawer } from '../../orders/order-drawer.tsx';

type Judged = RulesImpact['orders'][number]['before'];

const judged = ({ summary, rank }: Judged) => (rank === null ? summary : `${summary} · rank ${rank}`);

function ImpactTable({ impact }: { impact: RulesImpact }) {
  const [opened, setOpened] = useState<string | null>(null);
  const workAreas = useResource(WORK_AREAS_KEY, listWorkAreas);
  const workAreaNames = useMemo(() => new Map((workAreas.data ?? []).map((area) => [area.id, area.name])), [workAreas.data]);
  return (
    <>
      <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
        <Table data-testid="rules-impact-table" withTableBorder striped verticalSpacing={4} fz="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Work area</Table.Th>
              <Table.Th>Now</Table.Th>
              <Table.Th>With this draft</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {impact.orders.map((order) => (
              <Table.Tr key={order.orderId} data-testid="rules-impact-row" data-order-id={order.orderId}>
                <Table.Td>
                  <Anchor component="button" type="button" fz="xs" underline="always" data-testid="rules-impact-order" onClick={() => setOpened(order.orderId)}>
                    {orderName({ id: order.orderId, reference: order.reference })}
                  </Anchor>
                </Table.Td>
                <Table.Td>{order.account}</Table.Td>
                <Table.Td>{humanize(order.state)}</Table.Td>
                <Table.Td>{workAreaNames.get(order.workAreaId) ?? order.workAreaId}</Table.Td>
                <Table.Td>{judged(order.before)}</Table.Td>
                <Table.Td fw={600}>{judged(order.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {opened !== null && <OrderDrawer orderId={opened} opened onClose={() => setOpened(null)} onChanged={() => undefined} workAreaNames={workAreaNames} />}
    </>
  );
}

function ImpactSummary({ impact }: { impact: RulesImpact }) {
  const against = impact.publishedVersion === null ? 'than with no rules in force' : `than under version ${impact.publishedVersion}`;
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="rules-impact-summary" data-changed={impact.changed} data-waiting={impact.waitingOrders}>
        <b>
          {impact.changed} of {plural(impact.waitingOrders, 'waiting order', 'waiting orders')}
        </b>{' '}
        would get a different outcome or rank {against}.
      </Text>
      {impact.notJudged > 0 && (
        <Text size="xs" c="dimmed">
          {plural(impact.notJudged, 'waiting order', 'waiting orders')} cannot be judged here (an area with no resources on record hands its orders to its team without an assignment decision), so {impact.notJudged === 1 ? 'it is' : 'they are'} not counted.
        </Text>
      )}
      {impact.orders.length < impact.changed && (
        <Text size="xs" c="dimmed">
          The first {impact.orders.length} are listed.
        </Text>
      )}
    </Stack>
  );
}

/** What publishing would change for the orders waiting now: how many, and which, before and after. */
export function ImpactPreview({ dp, definition }: { dp: DecisionPointId; definition: RulesetDefinition }) {
  const key = useMemo(() => `impact:${dp}:${JSON.stringify(definition)}`, [dp, definition]);
  const impact = useResource(key, (signal) => previewImpact(dp, definition, signal));
  if (impact.error) {
    return (
      <Alert color="orange" p="xs" title="The impact could not be worked out" data-testid="rules-impact-error">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{impact.error.message} You can still publish.</Text>
          <Button size="compact-xs" variant="light" color="orange" onClick={impact.reload}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  if (!impact.data) {
    return (
      <Group gap="xs" data-testid="rules-impact-loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Judging the waiting orders by this draft and by the version in force…
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" data-testid="rules-impact">
      <ImpactSummary impact={impact.data} />
      {impact.data.orders.length > 0 ? (
        <ImpactTable impact={impact.data} />
      ) : (
        <Text size="sm" c="dimmed">
          Publishing changes nothing for the orders waiting now.
        </Text>
      )}
    </Stack>
  );
}
