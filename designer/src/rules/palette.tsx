import { Badge, Button, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import type { DecisionPointSpec } from '../../../domain/decision-points.ts';
import type { NewNode } from '../graph/graph-edits.ts';

const BLOCKS: { kind: NewNode['kind']; label: string; help: string }[] = [
  { kind: 'rule', label: 'Rule', help: 'A name, a purpose and a priority; then link what it checks and what it decides.' },
  { kind: 'group', label: 'Group (ALL / ANY / NOT)', help: 'Combines conditions: every, at least one, or none of its branches must hold.' },
  { kind: 'condition', label: 'Condition', help: 'Compares one fact with a value or another fact; pick the fact on the right.' },
  { kind: 'outcome', label: 'Outcome', help: 'What the rule decides when its conditions hold.' },
];

/** What can be added: the building blocks, and a condition on any fact of this decision point (and only those). */
export function Palette({ spec, onAdd }: { spec: DecisionPointSpec; onAdd: (request: NewNode) => void }) {
  return (
    <Paper withBorder p="xs" h="100%" data-testid="palette">
      <ScrollArea h="100%" type="auto" offsetScrollbars>
        <Stack gap={6}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Add
          </Text>
          {BLOCKS.map((block) => (
            <Tooltip key={block.kind} label={block.help} multiline w={240} position="right" withArrow>
              <Button variant="light" size="xs" justify="flex-start" data-testid={`palette-${block.kind}`} onClick={() => onAdd({ kind: block.kind })}>
                {block.label}
              </Button>
            </Tooltip>
          ))}
          <Text size="xs" c="dimmed">
            With a node selected, what you add is linked under it.
          </Text>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
            Facts of {spec.name.toLowerCase()}
          </Text>
          {spec.facts.map((fact) => (
            <Tooltip key={fact.name} label={fact.description} multiline w={240} position="right" withArrow>
              <Button
                variant="default"
                size="xs"
                justify="space-between"
                data-testid={`palette-fact-${fact.name}`}
                onClick={() => onAdd({ kind: 'condition', fact: fact.name })}
                rightSection={
                  <Badge size="xs" variant="outline" color="gray">
                    {fact.unit ?? fact.type}
                  </Badge>
                }
              >
                <Text size="xs" ff="monospace" truncate>
                  {fact.name}
                </Text>
              </Button>
            </Tooltip>
          ))}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
