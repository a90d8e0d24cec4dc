import { Alert, Button, Drawer, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { newOrder, ORDER_KINDS, PAYMENT_MODES, STATED_PRIORITIES, type CarrierType, type OrderKind, type OrderSummary, type PaymentMode, type StatedPriority } from '../../../../domain/order.ts';
import { CARRIER_TYPES } from '../../../../domain/resource.ts';
import { AREA_KIND_FOR, type WorkArea } from '../../../../domain/work-area.ts';
import { ApiError } from '../../api/api-error.ts';
import { createOrder } from '../../api/client.ts';
import { humanize, plural } from '../../format/labels.ts';
import { viewerTimeZone } from '../../format/local-date-time.ts';
import { maxLengthOf } from '../../validation/limits.ts';
import { flattenIssues } from '../../validation/flatten-issues.ts';
import { PAYMENT_MODE_LABELS } from '../order-facts.tsx';
import { newIdempotencyKey } from './idempotency-key.ts';
import { emptyDraft, entryErrors, linesWithErrors, pointError, requestOf, stopsOf, type LineDraft, type OrderDraft } from './order-draft.ts';
import { OrderLinesInput } from './order-lines-input.tsx';
import { RoutingInput } from './routing-input.tsx';

interface NewOrderDrawerProps {
  workAreas: readonly WorkArea[];
  onCreated: (order: OrderSummary) => void;
  onClose: () => void;
}

const options = <T extends string>(values: readonly T[], label: (value: T) => string = humanize) => values.map((value) => ({ value, label: label(value) }));
const KIND_OPTIONS = options(ORDER_KINDS);
const PRIORITY_OPTIONS = options(STATED_PRIORITIES);
const PAYMENT_OPTIONS = options(PAYMENT_MODES, (mode) => PAYMENT_MODE_LABELS[mode]);
const CARRIER_OPTIONS = options(CARRIER_TYPES);
const shape = newOrder.shape;
/** The points a kind's stops need: one "lat, lng" field each on the form, one point each in the request. */
const POINT_FIELDS = [
  { stop: 'pickup', draft: 'pickupPoint', request: 'pickupLocation', label: 'Pickup point', description: 'Latitude, longitude where the goods are collected, e.g. 51.92, 4.48.' },
  { stop: 'dropoff', draft: 'dropoffPoint', request: 'dropoffLocation', label: 'Drop-off point', description: 'Latitude, longitude where the goods go; trips are planned from it.' },
] as const;

const areaOption = (area: WorkArea) => ({ value: area.id, label: `${area.name} (${humanize(area.kind)})` });

/** The areas that work the order's kind first: the API takes any area, but those are the ones it means. */
function areasFor(kind: OrderKind, workAreas: readonly WorkArea[]) {
  const fits = workAreas.filter((area) => area.kind === AREA_KIND_FOR[kind]).map(areaOption);
  const others = workAreas.filter((area) => area.kind !== AREA_KIND_FOR[kind]).map(areaOption);
  return [
    ...(fits.length > 0 ? [{ group: `For ${humanize(kind).toLowerCase()} orders`, items: fits }] : []),
    ...(others.length > 0 ? [{ group: 'Other areas', items: others }] : []),
  ];
}

function validate(draft: OrderDraft): Record<string, string> {
  const parsed = newOrder.safeParse(requestOf(draft));
  return parsed.success ? {} : entryErrors(flattenIssues(parsed.error.issues));
}

interface Failure {
  title: string;
  message: string;
}

function failureOf(error: unknown): Failure {
  const refused = 'The order was not taken';
  if (!(error instanceof ApiError)) return { title: refused, message: error instanceof Error ? error.message : String(error) };
  if (error.code === 'unreachable') return { title: 'No answer from Sluice', message: 'The order may or may not have been taken. Try again: this form takes it once, however often it is sent.' };
  if (error.code === 'idempotency_key_reused') return { title: refused, message: 'An earlier try of this form took an order already, with other values. Look for it in the orders table before taking it again.' };
  return { title: refused, message: error.message };
}

/**
 * A dispatcher takes an order by hand, checked against the schema the API applies. The form's
 * Idempotency-Key is made when it opens, so a double click or a retry after a timeout takes one order.
 */
export function NewOrderDrawer({ workAreas, onCreated, onClose }: NewOrderDrawerProps) {
  const [draft, setDraft] = useState(emptyDraft);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // Problems show once a submit was tried, then follow every change: a fixed field loses its message at once.
  const [tried, setTried] = useState(0);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const failureAlert = useRef<HTMLDivElement>(null);
  const errors = useMemo(() => ({ ...serverErrors, ...(tried > 0 ? validate(draft) : {}) }), [serverErrors, tried, draft]);
  const set = <K extends keyof OrderDraft>(field: K, value: OrderDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const updateLines = useCallback((update: (lines: LineDraft[]) => LineDraft[]) => setDraft((d) => ({ ...d, lines: update(d.lines) })), []);
  const areaOptions = useMemo(() => workAreas.map(areaOption), [workAreas]);
  const areaGroups = useMemo(() => areasFor(draft.kind, workAreas), [draft.kind, workAreas]);
  const badLines = linesWithErrors(errors);

  // After a refused submit the keyboard goes to the first field to fix, not back to the top of the form.
  useEffect(() => {
    if (tried > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tried]);

  // The answer sits below a long form: it comes into view beside the button that was pressed.
  useEffect(() => {
    failureAlert.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setServerErrors({});
    setTried((n) => n + 1);
    const parsed = newOrder.safeParse(requestOf(draft));
    if (!parsed.success) return;
    setPending(true);
    try {
      onCreated(await createOrder(parsed.data, idempotencyKey));
    } catch (error) {
      setServerErrors(entryErrors(error instanceof ApiError ? error.issues : []));
      setFailure(failureOf(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Drawer.Root opened onClose={onClose} position="right" size="xl">
      <Drawer.Overlay />
      <Drawer.Content data-testid="new-order-drawer">
        <Drawer.Header>
          <Drawer.Title fw={700} fz="lg">
            New order
          </Drawer.Title>
          <Drawer.CloseButton aria-label="Close new order" />
        </Drawer.Header>
        <Drawer.Body>
          <form ref={form} onSubmit={(event) => void submit(event)} noValidate data-testid="new-order-form">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Reference" description="The requester’s own number; people find the order by it." data-testid="entry-reference" value={draft.reference} onChange={(e) => set('reference', e.currentTarget.value)} maxLength={maxLengthOf(shape.reference.unwrap())} error={errors.reference} />
                <TextInput label="Account" withAsterisk data-testid="entry-account" value={draft.account} onChange={(e) => set('account', e.currentTarget.value)} maxLength={maxLengthOf(shape.account)} error={errors.account} />
                <Select
                  label="Kind"
                  description="Decides the order’s lifecycle and where it can go."
                  data-testid="entry-kind"
                  data={KIND_OPTIONS}
                  value={draft.kind}
                  allowDeselect={false}
                  onChange={(value) => value && set('kind', value as OrderKind)}
                  error={errors.kind}
                />
                <Select
                  label="Stated priority"
                  description="What the requester asks for; the priority rules decide the effective one."
                  data-testid="entry-priority"
                  data={PRIORITY_OPTIONS}
                  value={draft.statedPriority}
                  allowDeselect={false}
                  onChange={(value) => value && set('statedPriority', value as StatedPriority)}
                  error={errors.statedPriority}
                />
                <TextInput
                  type="datetime-local"
                  label="Due"
                  withAsterisk
                  description={`Your local time (${viewerTimeZone()}); Sluice keeps it in UTC.`}
                  data-testid="entry-due"
                  value={draft.dueLocal}
                  onChange={(e) => set('dueLocal', e.currentTarget.value)}
                  error={errors.dueAt}
                />
                <Select
                  label="Work area"
                  description="Leave empty: any area of its kind serving its zone and warehouse may release it."
                  placeholder="Any suitable area"
                  data-testid="entry-work-area"
                  data={areaGroups}
                  value={draft.workAreaId || null}
                  clearable
                  searchable
                  onChange={(value) => set('workAreaId', value ?? '')}
                  error={errors.workAreaId}
                />
                <TextInput label="Zone" description="Assignment prefers resources of the same zone." data-testid="entry-zone" value={draft.zone} onChange={(e) => set('zone', e.currentTarget.value)} maxLength={maxLengthOf(shape.zone.unwrap())} error={errors.zone} />
                <TextInput label="Warehouse" description="The site that serves the order." data-testid="entry-warehouse" value={draft.warehouse} onChange={(e) => set('warehouse', e.currentTarget.value)} maxLength={maxLengthOf(shape.warehouse.unwrap())} error={errors.warehouse} />
                {POINT_FIELDS.filter((f) => stopsOf(draft.kind).includes(f.stop)).map((f) => (
                  <TextInput
                    key={f.stop}
                    label={f.label}
                    description={f.description}
                    data-testid={`entry-${f.stop}-point`}
                    value={draft[f.draft]}
                    onChange={(e) => set(f.draft, e.currentTarget.value)}
                    maxLength={60}
                    error={pointError(errors, f.request)}
                  />
                ))}
                <Select
                  label="Payment"
                  data-testid="entry-payment"
                  data={PAYMENT_OPTIONS}
                  value={draft.paymentMode}
                  allowDeselect={false}
                  onChange={(value) => value && set('paymentMode', value as PaymentMode)}
                  error={errors.paymentMode}
                />
                {draft.paymentMode === 'cod' && (
                  <TextInput
                    label="COD amount"
                    description="Cash the driver collects; leave empty to collect the order’s value."
                    inputMode="decimal"
                    data-testid="entry-cod-amount"
                    value={draft.codAmount}
                    onChange={(e) => set('codAmount', e.currentTarget.value)}
                    error={errors.codAmount}
                  />
                )}
                <Select
                  label="Carrier type"
                  description="Leave empty: any carrier the assignment rules allow."
                  placeholder="Any carrier"
                  data-testid="entry-carrier-type"
                  data={CARRIER_OPTIONS}
                  value={draft.carrierType || null}
                  clearable
                  onChange={(value) => set('carrierType', (value ?? '') as CarrierType | '')}
                  error={errors.carrierType}
                />
                <TagsInput
                  label="Required skills"
                  description="Press Enter after each (cold_chain, hazmat, forklift…)."
                  data-testid="entry-skills"
                  value={draft.skills}
                  onChange={(skills) => set('skills', skills)}
                  maxTags={20}
                  error={errors.requiredSkills ?? Object.entries(errors).find(([path]) => path.startsWith('requiredSkills.'))?.[1]}
                />
              </SimpleGrid>
              {draft.kind === 'production' && (
                <RoutingInput
                  steps={draft.routing}
                  areas={areaOptions}
                  errors={errors}
                  startArea={draft.workAreaId}
                  onChange={(routing) => set('routing', routing)}
                />
              )}
              <Stack gap={4}>
                <Title order={4}>Lines</Title>
                {errors.lines && (
                  <Text size="sm" c="var(--mantine-color-error)" data-testid="entry-lines-error">
                    {errors.lines}
                  </Text>
                )}
                {badLines.length > 0 && (
                  <Text size="sm" c="var(--mantine-color-error)" data-testid="entry-lines-problems">
                    {plural(badLines.length, 'line needs', 'lines need')} attention: {badLines.slice(0, 10).join(', ')}
                    {badLines.length > 10 ? '…' : ''}
                  </Text>
                )}
                <OrderLinesInput lines={draft.lines} errors={errors} onUpdate={updateLines} />
              </Stack>
              {failure && (
                <Alert ref={failureAlert} color="red" title={failure.title} data-testid="entry-failure">
                  {failure.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button type="submit" loading={pending} data-testid="entry-submit">
                  Take the order
                </Button>
              </Group>
            </Stack>
          </form>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
