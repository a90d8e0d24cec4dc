import { Code, EmptyState, Stack, Text } from '@mantine/core';

const EXAMPLE = `curl -X POST http://localhost:3000/orders \\
  -H 'content-type: application/json' \\
  -d '{"account":"ACME","kind":"pick","statedPriority":"high",
       "dueAt":"2030-01-01T14:00:00Z",
       "lines":[{"sku":"SKU-1","qty":2,"price":9.5}]}'`;

/** Shown before the first order exists: says where orders come from and how to get some. */
export function OrdersEmpty() {
  return (
    <EmptyState
      py="xl"
      title="No orders yet"
      description="Orders arrive through the API, or by hand with New order. As soon as one is taken it appears here, and this list keeps itself up to date."
    >
      <Stack gap="xs" maw={640} mx="auto" mt="md" ta="left">
        <Text size="sm">
          Post an order to <Code>POST /orders</Code>, for example:
        </Text>
        <Code block>{EXAMPLE}</Code>
        <Text size="sm">
          Or run <Code>npm start</Code>, which starts everything and seeds a set of demo orders.
        </Text>
      </Stack>
    </EmptyState>
  );
}
