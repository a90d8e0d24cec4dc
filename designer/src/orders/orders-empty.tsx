import { Code, EmptyState, Stack, Text } from '@mantine/core';
import { FIRST_PAGE_TIMING } from './table/first-paint-rows.ts';

/** A `curl` that takes an order due tomorrow at 14:00 UTC, posted to the API this page came from. */
function example(now: Date): string {
  const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 14));
  return `curl -X POST ${window.location.origin}/orders \\
  -H 'authorization: Bearer <an API token from Admin>' \\
  -H 'content-type: application/json' \\
  -d '{"account":"ACME","kind":"pick","statedPriority":"high",
       "dueAt":"${due.toISOString().replace('.000', '')}",
       "lines":[{"sku":"SKU-1","qty":2,"price":9.5}]}'`;
}

/** Shown before the first order exists: says where orders come from and how to get some. */
export function OrdersEmpty() {
  return (
    <EmptyState
      py="xl"
      // Chromium reports the paint of text by the block it sits in: the span is one.
      title={
        <span elementtiming={FIRST_PAGE_TIMING} style={{ display: 'block' }}>
          No orders yet
        </span>
      }
      description="Orders arrive through the API, or by hand with New order. As soon as one is taken it appears here, and this list keeps itself up to date."
    >
      <Stack gap="xs" maw={640} mx="auto" mt="md" ta="left">
        <Text size="sm">
          Post an order to <Code>POST /orders</Code>, for example:
        </Text>
        <Code block>{example(new Date())}</Code>
        <Text size="sm">
          Or start Sluice with <Code>./sluice start</Code>, which seeds a set of demo orders into an empty store.
        </Text>
      </Stack>
    </EmptyState>
  );
}
