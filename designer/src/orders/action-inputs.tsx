import { Checkbox, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { orderActionRequest, RETURN_REASONS, STATED_PRIORITIES, type OrderActionName, type OrderSummary } from '../../../domain/order.ts';
import type { Resource } from '../../../domain/resource.ts';
import { PERMISSIONS, ROLE_LABELS } from '../../../domain/roles.ts';
import { humanize, sentence } from '../format/labels.ts';
import { maxLengthOf, maxValueOf } from '../validation/limits.ts';
import type { ActionChoices } from './action-availability.ts';
import type { ActionFields } from './action-fields.ts';
import type { FieldErrors } from './action-request.ts';
import { SplitPartsInput } from './split-parts-input.tsx';

export interface ActionInputsProps {
  fields: ActionFields;
  choices: ActionChoices;
  errors: FieldErrors;
  lines: OrderSummary['lines'];
  /** The order's area's resources, to reassign released work to; absent for a review (handed to a specialist). */
  resources?: readonly Resource[] | undefined;
  /** The assignment rules objected to the resource last tried (their reason shows with the refusal). */
  objected?: boolean;
  onChange: (patch: Partial<ActionFields>) => void;
}

const options = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: humanize(value) }));
/** Only a role that acts on orders can work an escalation off its queue. */
const QUEUE_OPTIONS = PERMISSIONS['orders.act'].map((role) => ({ value: role, label: sentence(ROLE_LABELS[role]) }));

function amountInput(label: string) {
  return function AmountInput({ fields, errors, onChange }: ActionInputsProps) {
    return (
      <NumberInput
        data-testid="action-amount"
        label={label}
        value={fields.amount ?? ''}
        onChange={(value) => onChange({ amount: typeof value === 'number' ? value : null })}
        min={0}
        max={maxValueOf(orderActionRequest.shape.amount.unwrap())}
        decimalScale={2}
        error={errors.amount}
        w={200}
      />
    );
  };
}

/** The inputs each action with details needs, shown next to its button; the reason is shared by all. */
const INPUTS: Partial<Record<OrderActionName, (props: ActionInputsProps) => ReactNode>> = {
  change_priority: ({ fields, onChange }) => (
    <Select
      data-testid="action-priority"
      label="New stated priority"
      data={options(STATED_PRIORITIES)}
      value={fields.statedPriority}
      onChange={(value) => value && onChange({ statedPriority: value })}
      allowDeselect={false}
      w={160}
    />
  ),
  hold: ({ fields, choices, errors, onChange }) => (
    <Select
      data-testid="action-hold-type"
      label="Hold type"
      data={options(choices.holdTypes)}
      value={fields.holdType}
      onChange={(value) => value && onChange({ holdType: value })}
      allowDeselect={false}
      error={errors.holdType}
      w={160}
    />
  ),
  release_hold: ({ fields, choices, errors, onChange }) => (
    <Select
      data-testid="action-release-hold-type"
      label="Hold to release"
      data={choices.releaseHoldTypes.map((type) => ({ value: type, label: `${humanize(type)} hold` }))}
      value={fields.releaseHoldType}
      onChange={(value) => value && onChange({ releaseHoldType: value })}
      allowDeselect={false}
      error={errors.holdType}
      w={180}
    />
  ),
  resolve: ({ fields, choices, errors, onChange }) => (
    <Select
      data-testid="action-resolve-to"
      label="Send back to"
      data={options(choices.resolveTargets)}
      value={fields.resolveTo}
      onChange={(value) => value && onChange({ resolveTo: value })}
      allowDeselect={false}
      error={errors.resolveTo}
      w={180}
    />
  ),
  reassign: (props) => (props.resources ? <ReassignToResource {...props} resources={props.resources} /> : <HandOverReview {...props} />),
  return: ({ fields, errors, onChange }) => (
    <Select
      data-testid="action-return-reason"
      label="Return reason"
      placeholder="Why it came back"
      data={options(RETURN_REASONS)}
      value={fields.returnReason}
      onChange={(value) => value && onChange({ returnReason: value })}
      allowDeselect={false}
      error={errors.returnReason}
      w={200}
    />
  ),
  split: ({ fields, errors, lines, onChange }) => (
    <SplitPartsInput lines={lines} lineParts={fields.lineParts} error={errors.parts} onChange={(lineParts) => onChange({ lineParts })} />
  ),
  deliver: amountInput('Cash collected (optional)'),
  confirm_remit: amountInput('Amount remitted'),
  escalate: ({ fields, onChange }) => (
    <Select
      data-testid="action-escalate-role"
      label="To the queue of"
      data={QUEUE_OPTIONS}
      value={fields.escalateTo}
      onChange={(value) => value && onChange({ escalateTo: value })}
      allowDeselect={false}
      w={180}
    />
  ),
};

function HandOverReview({ fields, errors, onChange }: ActionInputsProps) {
  return (
    <TextInput
      data-testid="action-resource"
      label="Hand over to"
      placeholder="The specialist's user name"
      value={fields.resource}
      onChange={(event) => onChange({ resource: event.currentTarget.value })}
      maxLength={maxLengthOf(orderActionRequest.shape.resource.unwrap())}
      error={errors.resource}
      w={220}
    />
  );
}

/** A resource of the order's area; one the assignment rules object to is taken only by an audited override. */
function ReassignToResource({ fields, errors, resources, objected, onChange }: ActionInputsProps & { resources: readonly Resource[] }) {
  return (
    <Stack gap={4}>
      <Select
        data-testid="action-resource"
        label="Reassign to"
        placeholder="A resource of the area"
        data={resources.map((r) => ({ value: r.id, label: r.available ? r.name : `${r.name} (not available)` }))}
        value={fields.resource || null}
        onChange={(value) => onChange({ resource: value ?? '', override: false })}
        searchable
        error={errors.resource}
        w={220}
      />
      {(objected || fields.override) && (
        <Checkbox
          data-testid="action-override"
          label="Override the assignment rules"
          description="The assignment rules object to this resource (their reason is below). An override is recorded in the audit log with your reason."
          checked={fields.override}
          onChange={(event) => onChange({ override: event.currentTarget.checked })}
          maw={320}
        />
      )}
    </Stack>
  );
}

export const hasInputs = (action: OrderActionName) => INPUTS[action] !== undefined;

export function ActionInputs({ action, ...props }: ActionInputsProps & { action: OrderActionName }) {
  return INPUTS[action]?.(props) ?? null;
}
