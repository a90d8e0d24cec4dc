import { Anchor, Notification, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { OrderSummary } from '../../../../domain/order.ts';
import { orderName } from '../../format/order-name.ts';

interface OrderTakenProps {
  order: OrderSummary;
  onOpen: () => void;
  onDismiss: () => void;
}

/**
 * Says the order entered was taken, by its name, with a link that opens it. The keyboard lands on that
 * link: the form that had the focus is gone, and opening the new order is the likeliest next step.
 */
export function OrderTaken({ order, onOpen, onDismiss }: OrderTakenProps) {
  const link = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    link.current?.focus();
  }, [order.id]);
  const name = orderName(order);
  return (
    <div role="status">
      <Notification color="green" title={`Order ${name} taken`} onClose={onDismiss} closeButtonProps={{ 'aria-label': 'Dismiss' }} data-testid="order-taken" withBorder>
        <Text size="sm" span c="var(--mantine-color-text)">
          It heads the table below.{' '}
        </Text>
        <Anchor component="button" type="button" size="sm" ref={link} onClick={onOpen} data-testid="order-taken-open">
          Open order {name}
        </Anchor>
      </Notification>
    </div>
  );
}
