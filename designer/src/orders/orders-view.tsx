import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { listOrders, listWorkAreas } from '../api/client.ts';
import { useOrderEvents } from '../api/order-event-stream.tsx';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { can } from '../../../domain/roles.ts';
import type { OrderSummary } from '../../../domain/order.ts';
import type { SavedView } from '../../../domain/saved-view.ts';
import { useSession } from '../session/use-session.ts';
import { DeskFilter } from './desk-filter.tsx';
import { ORDERS_KEYS } from './first-reads.ts';
import { pageQueryOf } from './first-page-query.ts';
import { MovedFilterNote } from './moved-filter-note.tsx';
import { followInApp } from './orders-link.ts';
import { deskFor, DESK_LABELS } from './desks.ts';
import { OrdersEmpty } from './orders-empty.tsx';
import { OrdersTable } from './orders-table.tsx';
import { bulkHref } from './table/bulk-link.ts';
import { ColumnChooser } from './table/column-chooser.tsx';
import { CursorPager } from './table/cursor-pager.tsx';
import { FilterBar } from './table/filter-bar.tsx';
import { DEFAULT_COLUMNS, type OrderColumn } from './table/order-columns.ts';
import { orderCount } from './table/order-count.ts';
import { OrderSearch } from './table/order-search.tsx';
import { listQuery, readViewState, viewHref, withFilter } from './table/orders-view-state.ts';
import { QueueSelect } from './table/queue-select.tsx';
import { SavedViewsMenu } from './table/saved-views-menu.tsx';
import { rememberColumns, rememberedColumns } from './table/remembered-columns.ts';
import { SelectionBar } from './table/selection-bar.tsx';
import { useOrdersView } from './table/use-orders-view.ts';

// An order's detail (actions, forms and their schemas) loads when the first order is opened, not with the table.
const OrderDrawer = lazy(async () => ({ default: (await import('./order-drawer.tsx')).OrderDrawer }));
const NewOrderDrawer = lazy(async () => ({ default: (await import('./entry/new-order-drawer.tsx')).NewOrderDrawer }));
// Its notice's styles too come with the first order taken, not with the table.
const OrderTaken = lazy(async () => ({ default: (await import('./entry/order-taken.tsx')).OrderTaken }));

/** A burst of transitions (a release cycle moves many orders) becomes one reload. */
const REFRESH_DEBOUNCE_MS = 300;

export function OrdersView() {
  const { user } = useSession();
  const { state, link, moveFilter, go, change } = useOrdersView();
  const desk = state.desk ?? deskFor(user.roles);
  const query = useMemo(() => listQuery({ ...state, desk }), [state, desk]);
  const queryText = query.toString();
  const pageQuery = pageQueryOf(query, moveFilter, state.cursor);
  const orders = useResource(ORDERS_KEYS.page(pageQuery), (signal) => listOrders(pageQuery, signal));
  // The page before stays on screen while the next loads: the table does not jump when paging.
  const [shown, setShown] = useState(orders.data);
  if (orders.data && orders.data !== shown) setShown(orders.data);
  const workAreas = useResource(ORDERS_KEYS.workAreas, listWorkAreas);
  const [columnChoice, setColumnChoice] = useState(() => rememberedColumns(user.id));
  const columns = state.columns ?? columnChoice ?? DEFAULT_COLUMNS;
  const chooseColumns = (next: OrderColumn[]) => {
    rememberColumns(user.id, next);
    setColumnChoice(next);
    go({ ...state, columns: next }, { replace: true });
  };
  const [selection, setSelection] = useState<{ query: string; ids: ReadonlySet<string>; all: boolean }>({ query: queryText, ids: new Set(), all: false });
  if (selection.query !== queryText) setSelection({ query: queryText, ids: new Set(), all: false });
  const mayAct = can(user.roles, 'orders.act');
  const selectedId = state.order ?? null;
  const [lastOpened, setLastOpened] = useState(selectedId);
  if (selectedId && selectedId !== lastOpened) setLastOpened(selectedId);
  const drawerOpened = selectedId !== null;
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
    change({ desk: 'all' });
    orders.reload();
  };
  const refresh = useDebouncedCallback(orders.reload, REFRESH_DEBOUNCE_MS);
  useOrderEvents(() => refresh());

  const workAreaNames = useMemo(
    () => new Map((workAreas.data ?? []).map((area) => [area.id, area.name])),
    [workAreas.data],
  );
  const total = shown?.total;
  // Whether the view is empty is known from its own answer only: the last view's would hide the desk filter in use.
  const emptyNow = orders.data?.total === 0;
  const matching = shown ? orderCount(shown.total, shown.totalExact) : '';
  const open = (orderId: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    go({ ...state, order: orderId });
  };
  const { order: _open, ...closed } = state;
  const pageIds = shown?.orders.map((order) => order.id) ?? [];
  const rowSelection = mayAct
    ? {
        selected: selection.all ? new Set(pageIds) : selection.ids,
        onToggle: (id: string) => {
          const ids = new Set(selection.all ? pageIds : selection.ids);
          if (ids.has(id)) ids.delete(id);
          else ids.add(id);
          setSelection({ query: queryText, ids, all: false });
        },
        onTogglePage: () => {
          const every = pageIds.every((id) => selection.all || selection.ids.has(id));
          setSelection({ query: queryText, ids: every ? new Set() : new Set([...selection.ids, ...pageIds]), all: false });
        },
      }
    : undefined;
  const selectedCount = selection.all ? null : selection.ids.size;
  // A saved view names its desk, all included: opened by someone else's default it would show other orders.
  const savedQuery = new URLSearchParams({ ...Object.fromEntries(query), desk }).toString();
  const openSaved = (saved: SavedView) => followInApp(viewHref(readViewState(`?${saved.query}${saved.columns ? `&columns=${saved.columns.join(',')}` : ''}`)));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Orders</Title>
          <Text c="dimmed" size="sm">
            Every order Sluice holds, newest first unless you sort on a column. Click an order to see its facts, its history and why it has
            the priority it has.
          </Text>
        </div>
        <Group gap="sm">
          {orders.loading && shown && <Loader size="sm" role="status" aria-label="Refreshing" />}
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
      {desk === 'all' && emptyNow && !link && queryText === '' ? (
        <OrdersEmpty />
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <Group align="flex-end" gap="md">
              <OrderSearch value={state.q} onSearch={(q) => change({ q }, { replace: true })} />
              <QueueSelect kind={state.filters.kind} onKind={(kind) => change({ filters: withFilter(state.filters, 'kind', kind) })} />
            </Group>
            <Group gap="xs">
              <SavedViewsMenu query={savedQuery} columns={state.columns ?? columnChoice ?? undefined} onOpen={openSaved} />
              <ColumnChooser columns={columns} onChange={chooseColumns} />
            </Group>
          </Group>
          <FilterBar filters={state.filters} onChange={(filters) => change({ filters })} workAreas={workAreas.data ?? []} myRoles={user.roles} />
          <Group justify="space-between">
            <DeskFilter value={desk} onChange={(next) => change({ desk: next })} />
            {total !== undefined && shown && (
              <Text ref={deskCount} tabIndex={-1} c="dimmed" size="sm" data-testid="desk-count">
                {orderCount(total, shown.totalExact)}
                {desk === 'all' ? '' : ` on the ${DESK_LABELS[desk]} desk`}
              </Text>
            )}
          </Group>
        </>
      )}
      {mayAct && (selection.all || selection.ids.size > 0) && (
        <SelectionBar
          count={selectedCount}
          matching={matching}
          pageFull={pageIds.length > 0 && pageIds.every((id) => selection.ids.has(id)) && (shown?.next !== null || shown?.prev !== null)}
          onSelectAll={() => setSelection({ query: queryText, ids: new Set(), all: true })}
          onClear={() => setSelection({ query: queryText, ids: new Set(), all: false })}
          onBulk={() => followInApp(selection.all ? bulkHref({ filter: new URLSearchParams({ ...Object.fromEntries(query), ...moveFilter }) }) : bulkHref({ orders: [...selection.ids] }))}
        />
      )}
      {!shown && orders.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading orders…</Text>
        </Group>
      )}
      {shown && shown.orders.length > 0 && (
        <div aria-busy={orders.loading}>
          <OrdersTable
            orders={shown.orders}
            workAreaNames={workAreaNames}
            onOpen={open}
            columns={columns}
            sort={{ sort: state.sort, dir: state.dir }}
            onSort={(sort, dir) => change({ sort, dir })}
            {...(rowSelection ? { selection: rowSelection } : {})}
          />
        </div>
      )}
      {shown && shown.orders.length === 0 && queryText !== '' && (
        <Text c="dimmed" size="sm" data-testid="orders-none">
          No order matches this search and these filters.
        </Text>
      )}
      {desk !== 'all' && emptyNow && queryText === `desk=${desk}` && (
        <Text c="dimmed" size="sm" data-testid="desk-empty">
          Nothing on the {DESK_LABELS[desk]} desk right now.
        </Text>
      )}
      {shown && <CursorPager prev={shown.prev} next={shown.next} onPage={(cursor) => go({ ...closed, cursor })} />}
      {entryOpen && (
        <Suspense fallback={<Loader size="sm" />}>
          <NewOrderDrawer workAreas={workAreas.data ?? []} onCreated={onTaken} onClose={closeEntry} />
        </Suspense>
      )}
      {lastOpened && (
        <Suspense fallback={<Loader size="sm" />}>
          <OrderDrawer
            orderId={lastOpened}
            opened={drawerOpened}
            onClose={() => go(closed)}
            onChanged={orders.reload}
            workAreaNames={workAreaNames}
          />
        </Suspense>
      )}
    </Stack>
  );
}
