import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { listOrderSupportTickets } from '../api/support-tickets-client.ts';
import { useResource } from '../api/use-resource.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What the customer asked from the tracking page, newest first; read only (answering them is the support desk's). */
export function OrderSupportTickets({ orderId }: { orderId: string }) {
  const tickets = useResource(`support-tickets:${orderId}`, (signal) => listOrderSupportTickets(orderId, signal));
  return (
    <section data-testid="order-support-tickets">
      <Title order={4} mb="xs">
        Customer questions
      </Title>
      {tickets.error && (
        <Alert color="red" variant="light" mb="xs">
          {tickets.error.message}
        </Alert>
      )}
      {tickets.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          None from the tracking page.
        </Text>
      )}
      <Stack gap="xs">
        {tickets.data?.map((ticket) => (
          <Paper key={ticket.id} withBorder p="xs" data-testid="support-ticket">
            <Text size="sm" fw={600}>
              {ticket.name} · {ticket.contact}
            </Text>
            <Text size="xs" c="dimmed">
              {when(ticket.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {ticket.message}
            </Text>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
