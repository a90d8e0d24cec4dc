import { Button, CloseButton, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { emptyStep, type StepDraft } from './order-draft.ts';

interface RoutingInputProps {
  steps: StepDraft[];
  areas: { value: string; label: string }[];
  errors: Record<string, string>;
  /** The order's work area, where a routing starts: the first step's area until the person picks another. */
  startArea: string;
  onChange: (steps: StepDraft[]) => void;
}

/** A production order's routing: the work areas it passes, in order, and the hours of work at each. */
export function RoutingInput({ steps, areas, errors, startArea, onChange }: RoutingInputProps) {
  const update = (index: number, change: Partial<StepDraft>) => onChange(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  return (
    <Stack gap="xs" data-testid="entry-routing">
      <Title order={4}>Routing</Title>
      <Text size="xs" c="dimmed">
        The steps in order. The first is where the order waits for release; each step’s hours count against its area’s workload norm.
      </Text>
      {errors.routing && (
        <Text size="xs" c="var(--mantine-color-error)">
          {errors.routing}
        </Text>
      )}
      {steps.map((step, index) => (
        <Group key={step.key} align="flex-start" gap="xs" data-testid={`entry-step-${index + 1}`}>
          <Text size="sm" c="dimmed" pt={8} w={20} ta="right">
            {index + 1}
          </Text>
          <Select
            flex={1}
            aria-label={`Step ${index + 1} work area`}
            placeholder="Work area"
            data-testid={`entry-step-${index + 1}-area`}
            data={areas}
            value={step.workAreaId || null}
            onChange={(value) => update(index, { workAreaId: value ?? '' })}
            error={errors[`routing.${index}.workAreaId`]}
          />
          <TextInput
            w={120}
            aria-label={`Step ${index + 1} hours`}
            placeholder="Hours"
            inputMode="decimal"
            data-testid={`entry-step-${index + 1}-hours`}
            value={step.hours}
            onChange={(event) => update(index, { hours: event.currentTarget.value })}
            error={errors[`routing.${index}.hours`]}
          />
          <CloseButton mt={6} aria-label={`Remove step ${index + 1}`} onClick={() => onChange(steps.filter((_, i) => i !== index))} />
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...steps, emptyStep(steps.length === 0 ? startArea : '')])} disabled={steps.length >= 20} data-testid="entry-add-step">
          Add a step
        </Button>
      </Group>
    </Stack>
  );
}
