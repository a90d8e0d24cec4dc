import { ActionIcon, Group, MultiSelect, Paper, SimpleGrid, TagsInput, Text, TextInput } from '@mantine/core';
import { DELIVERY_KINDS } from '../../../domain/last-mile.ts';
import type { OrderKind } from '../../../domain/order.ts';
import type { StopDraft } from './route-draft.ts';

interface RouteStopFieldsProps {
  stop: StopDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (stop: StopDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const KIND_OPTIONS = DELIVERY_KINDS.map((k) => ({ value: k, label: k.replaceAll('_', ' ') }));

/** One stop of the route: where it is, how far it reaches, and which orders it serves (an empty list serves all). */
export function RouteStopFields({ stop, index, count, errors, onChange, onMove, onRemove }: RouteStopFieldsProps) {
  const at = `stops.${index}`;
  const label = `stop ${index + 1}`;
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={`Stop ${index + 1}`} data-testid={`route-stop-${index}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Stop {index + 1}
        </Text>
        <Group gap={4}>
          <ActionIcon variant="default" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${label} up`}>
            ↑
          </ActionIcon>
          <ActionIcon variant="default" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${label} down`}>
            ↓
          </ActionIcon>
          <ActionIcon variant="default" color="red" disabled={count === 1} onClick={onRemove} aria-label={`Remove ${label}`}>
            ✕
          </ActionIcon>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Name" required maxLength={100} value={stop.name} error={errors[`${at}.name`]} onChange={(e) => onChange({ ...stop, name: e.currentTarget.value })} data-testid={`route-stop-name-${index}`} />
        <TextInput
          label="Point"
          description="Latitude, longitude"
          placeholder="52.37, 4.89"
          required
          value={stop.point}
          error={errors[`${at}.point`]}
          onChange={(e) => onChange({ ...stop, point: e.currentTarget.value })}
          data-testid={`route-stop-point-${index}`}
        />
        <TextInput
          label="Radius (km)"
          description="Orders collected or delivered within it; blank for any place"
          inputMode="decimal"
          value={stop.radius}
          error={errors[`${at}.radius`]}
          onChange={(e) => onChange({ ...stop, radius: e.currentTarget.value })}
          data-testid={`route-stop-radius-${index}`}
        />
        <MultiSelect label="Kinds" description="Empty serves every delivery kind" data={KIND_OPTIONS} value={stop.kinds} onChange={(v) => onChange({ ...stop, kinds: v as OrderKind[] })} clearable />
        <TagsInput label="Zones" description="Empty serves every zone; Enter adds one" value={stop.zones} onChange={(zones) => onChange({ ...stop, zones })} />
        <TagsInput label="Accounts" description="Empty serves every account; Enter adds one" value={stop.accounts} onChange={(accounts) => onChange({ ...stop, accounts })} />
      </SimpleGrid>
    </Paper>
  );
}
