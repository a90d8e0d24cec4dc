import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { listOrders, listWorkAreas } from '../api/client.ts';
import { useOrderEvents } from '../api/order-event-stream.tsx';
import { LoadError } from '../api/load-error.tsx';
import { Pager } from '../common/pager.tsx';
import { pageCount } from '../common/paging.ts';
import { useResource } from '../api/use-resource.ts';
import { can } from '../../../domain/roles.ts';
import type { OrderSummary } from '../../../domain/order.ts';
import { plural } from '../format/labels.ts';
import { useSession } from '../session/use-session.ts';
import { DeskFilter } from './desk-filter.tsx';
import { MovedFilterNote } from './moved-filter-note.tsx';
import { moveQuery, readOrdersLink, useLocationSearch } from './orders-link.ts';
import { DESK_PAGE_SIZE, deskFor, DESK_LABELS, deskPage } from './desks.ts';
import { OrdersEmpty } from './orders-empty.tsx';
import { OrdersTable } from './orders-table.tsx';

// An order's detail (actions, forms and their schemas) loads when the first order is opened, not with the table.
const OrderDrawer = lazy(async () => ({ default: (await import('./order-drawer.tsx')).OrderDrawer }));
const NewOrderDrawer = lazy(async () => ({ default: (await import('./entry/new-order-drawer.tsx')).NewOrderDrawer }));
// Its notice's styles too come with the first order taken, not with the table.
const OrderTaken = lazy(async () => ({ default: (await import('./entry/order-taken.tsx')).OrderTaken }));

/** A burst of transitions (a release cycle moves many orders) becomes one reload. */
const REFRESH_DEBOUNCE_MS = 300;

export function OrdersView() {
  const { user } = useSession();
  const [desk, setDesk] = useState(() => deskFor(user.roles));
  const [page, setPage] = useState(1);
  const search = useLocationSearch();
  const link = useMemo(() => readOrdersLink(search), [search]);
  const filter = link ? moveQuery(link) : {};
  const orders = useResource(`orders:${desk}:${page}:${JSON.stringify(filter)}`, (signal) => listOrders(deskPage(desk, page), signal, filter));
  const workAreas = useResource('work-areas', listWorkAreas);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drawerOpened, setDrawerOpened] = useState(false);
  // Mantine's drawer gives the focus back only when it was mounted closed, and this one mounts open: the
  // row that opened it takes the focus back here, or, when the order has left the desk, the desk's count.
  const opener = useRef<HTMLElement | null>(null);
  const deskCount = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (drawerOpened || !opener.current) return;
    (opener.current.isConnected ? opener.current : deskCount.current)?.focus();
    opener.current = null;
  }, [drawerOpened]);
  const [entryOpen, setEntryOpen] = useState(false);
  const [taken, setTaken] = useState<OrderSummary | null>(null);
  const newOrderButton = useRef<HTMLButtonElement>(null);
  const closeEntry = () => {
    setEntryOpen(false);
    newOrderButton.current?.focus();
  };
  // The new order is the newest: it heads the first page of all orders.
  const onTaken = (order: OrderSummary) => {
    setEntryOpen(false);
    setTaken(order);
    setDesk('all');
    setPage(1);
    orders.reload();
  };
  const refresh = useDebouncedCallback(orders.reload, REFRESH_DEBOUNCE_MS);
  useOrderEvents(() => refresh());

  const workAreaNames = useMemo(
    () => new Map((workAreas.data ?? []).map((area) => [area.id, area.name])),
    [workAreas.data],
  );
  const total = orders.data?.total;
  // Orders leave a desk while it is open: a page past the new end moves back to the last one.
  if (total !== undefined && page > pageCount(total, DESK_PAGE_SIZE)) setPage(pageCount(total, DESK_PAGE_SIZE));
  const toDesk = (next: typeof desk) => {
    setDesk(next);
    setPage(1);
  };
  const open = (orderId: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSelectedId(orderId);
    setDrawerOpened(true);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Orders</Title>
          <Text c="dimmed" size="sm">
            Every order Sluice holds, newest first. Click an order to see its facts, its history and why it has
            the priority it has.
          </Text>
        </div>
        <Group gap="sm">
          {orders.loading && orders.data && <Loader size="sm" role="status" aria-label="Refreshing" />}
          {can(user.roles, 'orders.create') && (
            <Button ref={newOrderButton} onClick={() => setEntryOpen(true)} data-testid="new-order">
              New order
            </Button>
          )}
        </Group>
      </Group>
      {taken && (
        <Suspense fallback={null}>
          <OrderTaken order={taken} onOpen={() => open(taken.id)} onDismiss={() => setTaken(null)} />
        </Suspense>
      )}
      {orders.error && (
        <LoadError title="The orders could not be loaded" error={orders.error} onRetry={orders.reload} />
      )}
      {link && <MovedFilterNote link={link} total={total} />}
      {desk === 'all' && total === 0 && !link ? (
        <OrdersEmpty />
      ) : (
        <Group justify="space-between">
          <DeskFilter value={desk} onChange={toDesk} />
          {total !== undefined && (
            <Text ref={deskCount} tabIndex={-1} c="dimmed" size="sm" data-testid="desk-count">
              {plural(total, 'order', 'orders')}
              {desk === 'all' ? '' : ` on the ${DESK_LABELS[desk]} desk`}
            </Text>
          )}
        </Group>
      )}
      {!orders.data && orders.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading orders…</Text>
        </Group>
      )}
      {orders.data && orders.data.orders.length > 0 && (
        <OrdersTable orders={orders.data.orders} workAreaNames={workAreaNames} onOpen={open} />
      )}
      {desk !== 'all' && total === 0 && (
        <Text c="dimmed" size="sm" data-testid="desk-empty">
          Nothing on the {DESK_LABELS[desk]} desk right now.
        </Text>
      )}
      {total !== undefined && <Pager total={total} size={DESK_PAGE_SIZE} page={page} onChange={setPage} what="orders" testId="orders-pages" />}
      {entryOpen && (
        <Suspense fallback={<Loader size="sm" />}>
          <NewOrderDrawer workAreas={workAreas.data ?? []} onCreated={onTaken} onClose={closeEntry} />
        </Suspense>
      )}
      {selectedId && (
        <Suspense fallback={<Loader size="sm" />}>
          <OrderDrawer
            orderId={selectedId}
            opened={drawerOpened}
            onClose={() => setDrawerOpened(false)}
            onChanged={orders.reload}
            workAreaNames={workAreaNames}
          />
        </Suspense>
      )}
    </Stack>
  );
}
