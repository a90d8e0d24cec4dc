import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { BACKTEST_BASELINES, BACKTEST_LIMITS, BASELINE_LABELS, type BacktestBaseline, type BacktestRequestBody, type BacktestScenario } from '../../../../domain/backtest.ts';

export type BacktestSettings = Omit<BacktestRequestBody, 'definition'>;

const settingsFor = (scenario: BacktestScenario): BacktestSettings => ({
  scenario: scenario.name,
  params: { ...scenario.params },
  replications: scenario.quick.replications,
  horizon: scenario.quick.horizon,
  warmUp: scenario.quick.warmUp,
  seed: 1,
  baselines: ['immediate'],
});

/** "plannedLeadTimeHours" as "planned lead time hours": a scenario's parameter names are camelCase. */
const spoken = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

const asNumber = (value: string | number, fallback: number) => (typeof value === 'number' ? value : fallback);

type Setting = number | boolean | string | null;

// A setting that may be none (null) is a number left empty: the job shop's norm.
function ParamField({ name, value, onChange }: { name: string; value: Setting; onChange: (v: Setting) => void }) {
  if (typeof value === 'boolean') return <Switch label={spoken(name)} checked={value} onChange={(e) => onChange(e.currentTarget.checked)} />;
  if (value === null || typeof value === 'number') {
    return <NumberInput size="xs" label={spoken(name)} placeholder="none" value={value ?? ''} onChange={(v) => onChange(v === '' ? null : asNumber(v, value ?? 0))} />;
  }
  return <TextInput size="xs" label={spoken(name)} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** What to simulate: the scenario, its settings, how many replications and which baselines to compare with. */
export function BacktestForm({ scenarios, running, onRun }: { scenarios: readonly BacktestScenario[]; running: boolean; onRun: (settings: BacktestSettings) => void }) {
  const [settings, setSettings] = useState<BacktestSettings>(() => settingsFor(scenarios[0]!));
  const scenario = scenarios.find((s) => s.name === settings.scenario) ?? scenarios[0]!;
  const set = (patch: Partial<BacktestSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const unit = scenario.timeUnit;
  return (
    <form
      data-testid="backtest-form"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(settings);
      }}
    >
      <Select
        size="xs"
        label="Scenario"
        data-testid="backtest-scenario"
        data={scenarios.map((s) => ({ value: s.name, label: s.name }))}
        value={settings.scenario}
        allowDeselect={false}
        onChange={(name) => {
          const next = scenarios.find((s) => s.name === name);
          if (next) setSettings(settingsFor(next));
        }}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {scenario.description}
      </Text>
      <SimpleGrid cols={4} spacing="xs" mt="xs">
        <NumberInput size="xs" label="Replications" min={1} max={BACKTEST_LIMITS.replications} value={settings.replications} onChange={(v) => set({ replications: asNumber(v, 1) })} data-testid="backtest-replications" />
        <NumberInput size="xs" label={`Horizon (${unit})`} min={1} max={BACKTEST_LIMITS.horizon} value={settings.horizon} onChange={(v) => set({ horizon: asNumber(v, scenario.quick.horizon) })} />
        <NumberInput size="xs" label={`Warm-up (${unit})`} min={0} max={BACKTEST_LIMITS.horizon} value={settings.warmUp} onChange={(v) => set({ warmUp: asNumber(v, 0) })} />
        <NumberInput size="xs" label="Seed" min={0} value={settings.seed} onChange={(v) => set({ seed: asNumber(v, 1) })} />
      </SimpleGrid>
      {Object.keys(settings.params ?? {}).length > 0 && (
        <SimpleGrid cols={4} spacing="xs" mt="xs">
          {Object.entries(settings.params ?? {}).map(([name, value]) => (
            <ParamField key={name} name={name} value={value} onChange={(v) => set({ params: { ...settings.params, [name]: v } })} />
          ))}
        </SimpleGrid>
      )}
      <Checkbox.Group label="Compare with" size="xs" mt="xs" value={settings.baselines ?? []} onChange={(b) => set({ baselines: b as BacktestBaseline[] })}>
        <Group gap="md" mt={4}>
          {BACKTEST_BASELINES.map((b) => (
            <Checkbox key={b} value={b} label={BASELINE_LABELS[b]} size="xs" />
          ))}
        </Group>
      </Checkbox.Group>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" size="xs" loading={running} data-testid="backtest-run">
          Run backtest
        </Button>
      </Group>
    </form>
  );
}
