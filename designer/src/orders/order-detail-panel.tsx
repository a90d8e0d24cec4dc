import { Alert, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { OrderDetail } from '../../../domain/order.ts';
import { describeRolesFor } from '../../../domain/roles.ts';
import { finishedText } from '../format/timeline-text.ts';
import { useSession } from '../session/use-session.ts';
import { DecisionList } from './decision-list.tsx';
import { EscalationNote } from './escalation-note.tsx';
import { CopyOrderId } from './copy-order-id.tsx';
import { OrderActions } from './order-actions.tsx';
import { OrderDocuments } from './order-documents.tsx';
import { OrderReturns } from './order-returns.tsx';
import { OrderSupportTickets } from './order-support-tickets.tsx';
import { OrderConversation } from '../conversations/order-conversation.tsx';
import { OrderFacts } from './order-facts.tsx';
import { OrderRouting } from './order-routing.tsx';
import { OrderTimeline } from './order-timeline.tsx';
import { ReleaseJudgementCard } from './release-judgement-card.tsx';
import { SplitByAvailability } from './split-by-availability.tsx';
import { StateBadge } from './state-badge.tsx';

interface OrderDetailPanelProps {
  order: OrderDetail;
  workAreaName: string;
  onActionDone: () => void;
}

/** The drawer's content, top to bottom: where the order stands, what it is, why it ranks where it does, how it got here. */
export function OrderDetailPanel({ order, workAreaName, onActionDone }: OrderDetailPanelProps) {
  const { can } = useSession();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Group gap="xs">
          <StateBadge state={order.state} />
          <Text c="dimmed" size="sm">
            for {order.account}
          </Text>
        </Group>
        <CopyOrderId id={order.id} />
      </Group>
      {finishedText(order.state) && (
        <Alert color="gray" variant="light" data-testid="order-finished">
          {finishedText(order.state)}
        </Alert>
      )}
      {order.escalation && <EscalationNote escalation={order.escalation} />}
      {can('orders.act') ? (
        <>
          <OrderActions key={order.id} order={order} onDone={onActionDone} />
          <SplitByAvailability key={`split-${order.id}`} order={order} onDone={onActionDone} />
        </>
      ) : (
        <Text size="sm" c="dimmed" data-testid="action-denied-note">
          Acting on orders (reviewing, holding, moving, escalating) needs {describeRolesFor('orders.act')}.
        </Text>
      )}
      <Divider />
      <OrderFacts order={order} workAreaName={workAreaName} />
      <Divider />
      {can('documents.read') && (
        <>
          <OrderDocuments orderId={order.id} />
          <Divider />
        </>
      )}
      {can('returns.read') && (
        <>
          <OrderReturns order={order} />
          <Divider />
        </>
      )}
      <OrderSupportTickets orderId={order.id} />
      <Divider />
      {can('conversations.read') && (
        <>
          <OrderConversation key={order.id} orderId={order.id} />
          <Divider />
        </>
      )}
      {order.operations.length > 0 && (
        <>
          <OrderRouting key={order.id} order={order} onDone={onActionDone} />
          <Divider />
        </>
      )}
      {order.releaseJudgement && (
        <>
          <ReleaseJudgementCard judgement={order.releaseJudgement} state={order.state} areaName={order.releaseJudgement.workAreaId === order.workAreaId ? workAreaName : order.releaseJudgement.workAreaId} />
          <Divider />
        </>
      )}
      <section>
        <Title order={4}>Why: what the rules decided</Title>
        <Text size="sm" c="dimmed" mb="sm">
          The priority rules score every order: each rule whose conditions hold adds its points, and the total is
          the effective priority that ranks the order for release. The escalation rules set how long it may stay in
          each state before a person takes it over.
        </Text>
        <DecisionList decisions={order.decisions} />
      </section>
      <Divider />
      <section>
        <Title order={4} mb="sm">
          Timeline
        </Title>
        <OrderTimeline entries={order.timeline} />
      </section>
    </Stack>
  );
}
