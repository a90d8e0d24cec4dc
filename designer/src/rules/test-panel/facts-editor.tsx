import { Button, Group, JsonInput, Text } from '@mantine/core';

interface FactsEditorProps {
  value: string;
  onChange: (text: string) => void;
  onReset: () => void;
}

/** A facts document, started from the decision point's examples: change a value to see where the rules turn. */
export function FactsEditor({ value, onChange, onReset }: FactsEditorProps) {
  return (
    <div>
      <JsonInput
        data-testid="test-facts"
        label="Facts"
        description="One JSON object of fact → value. Remove a fact to see how the rules treat it missing."
        value={value}
        onChange={onChange}
        autosize
        minRows={6}
        maxRows={14}
        spellCheck={false}
        styles={{ input: { fontSize: 12 } }}
      />
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          Starts from each fact&apos;s example value.
        </Text>
        <Button size="compact-xs" variant="subtle" data-testid="test-facts-reset" onClick={onReset}>
          Use the examples again
        </Button>
      </Group>
    </div>
  );
}
