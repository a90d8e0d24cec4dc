import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import { VALUE_EDITOR_ROLES, type RulesetLocks, type ValueBound } from '../../../../domain/ruleset-locks.ts';
import { ROLE_LABELS } from '../../../../domain/roles.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { saveRulesetLocks } from '../../api/ruleset-locks-client.ts';
import { valuePlace } from '../../format/lock-text.ts';
import { refusalOf } from '../publish/refusal-notice.tsx';
import { numberPaths } from './value-paths.ts';

interface LocksPanelProps {
  dp: DecisionPointId;
  locks: RulesetLocks;
  definition: RulesetDefinition;
  onSaved: () => void;
}

type Row = { rule: string | null; path: string | null; min: number | ''; max: number | '' };
const rowOf = (b: ValueBound): Row => ({ rule: b.rule, path: b.path, min: b.min ?? '', max: b.max ?? '' });

/** An admin's form: lock the structure or single rules, grant roles value-only editing, bound values, say why. */
export function LocksPanel({ dp, locks, definition, onSaved }: LocksPanelProps) {
  const [form, setForm] = useState(() => ({ ...locks, rows: locks.bounds.map(rowOf) }));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ruleNames = definition.rules.map((r) => r.name);
  const setRow = (i: number, row: Partial<Row>) => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...row } : r)) }));

  const save = async () => {
    setPending(true);
    setMessage(null);
    const bounds = form.rows
      .filter((r): r is Row & { rule: string; path: string } => r.rule !== null && r.path !== null)
      .map((r) => ({ rule: r.rule, path: r.path, ...(r.min === '' ? {} : { min: r.min }), ...(r.max === '' ? {} : { max: r.max }) }));
    try {
      await saveRulesetLocks(dp, { structureLocked: form.structureLocked, lockedRules: form.lockedRules, valueEditors: form.valueEditors, bounds, reason: form.reason });
      setMessage({ ok: true, text: 'The locks are saved; the change is in the audit log.' });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: refusalOf(error).message });
    } finally {
      setPending(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="rules-locks-panel">
      <Stack gap="sm">
        <Title order={3}>Locks</Title>
        <Switch label="Lock the structure of every rule (values still change, within bounds)" checked={form.structureLocked} onChange={(e) => setForm({ ...form, structureLocked: e.currentTarget.checked })} data-testid="locks-structure" />
        <MultiSelect label="Rules whose structure is locked" data={ruleNames} value={form.lockedRules} onChange={(lockedRules) => setForm({ ...form, lockedRules })} disabled={form.structureLocked} searchable data-testid="locks-rules" />
        <Checkbox.Group label="Roles that may change values only" value={form.valueEditors} onChange={(v) => setForm({ ...form, valueEditors: v as RulesetLocks['valueEditors'] })}>
          <Group gap="md" mt={4}>
            {VALUE_EDITOR_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={ROLE_LABELS[r]} data-testid={`locks-editor-${r}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text size="sm" fw={500}>
          Bounds
        </Text>
        {form.rows.map((row, i) => {
          const rule = definition.rules.find((r) => r.name === row.rule);
          const paths = rule ? numberPaths(rule).map((p) => ({ value: p.path, label: `${valuePlace(p.path)} (now ${p.value})` })) : [];
          return (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap" data-testid={`locks-bound-${i}`}>
              <Select label="Rule" data={ruleNames} value={row.rule} onChange={(r) => setRow(i, { rule: r, path: null })} w={200} />
              <Select label="Value" data={paths} value={row.path} onChange={(p) => setRow(i, { path: p })} w={200} disabled={!rule} />
              <NumberInput label="Min" value={row.min} onChange={(v) => setRow(i, { min: typeof v === 'number' ? v : '' })} w={90} />
              <NumberInput label="Max" value={row.max} onChange={(v) => setRow(i, { max: typeof v === 'number' ? v : '' })} w={90} />
              <ActionIcon variant="subtle" color="red" aria-label={`Remove bound ${i + 1}`} onClick={() => setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }))} mb={4}>
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button variant="default" size="xs" onClick={() => setForm((f) => ({ ...f, rows: [...f.rows, { rule: null, path: null, min: '', max: '' }] }))} data-testid="locks-add-bound">
            Add a bound
          </Button>
        </Group>
        <Textarea label="Why (shown to whoever finds a part locked)" value={form.reason} maxLength={500} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} data-testid="locks-reason" autosize minRows={2} />
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} data-testid="locks-result">
            {message.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={pending} data-testid="locks-save">
            Save locks
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
