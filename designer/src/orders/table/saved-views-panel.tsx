import { Alert, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SavedView } from '../../../../domain/saved-view.ts';
import { ApiError } from '../../api/api-error.ts';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from '../../api/saved-views-client.ts';
import { useResource } from '../../api/use-resource.ts';
import type { OrderColumn } from './order-columns.ts';

export interface SavedViewsPanelProps {
  /** The GET /orders query of the view on screen, its desk named. */
  query: string;
  columns: readonly OrderColumn[] | undefined;
  onOpen: (view: SavedView) => void;
}

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : 'The view could not be saved; try again.');

/** The person's saved views: open one, save the view on screen under a name, rename or delete one. */
export function SavedViewsPanel({ query, columns, onOpen }: SavedViewsPanelProps) {
  const views = useResource('saved-views', listSavedViews);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      views.reload();
      return true;
    } catch (error) {
      setProblem(messageOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => createSavedView({ name: name.trim(), query, ...(columns ? { columns: [...columns] } : {}) }))) setName('');
  };
  const rename = async (event: FormEvent, view: SavedView) => {
    event.preventDefault();
    if (renaming && (await run(() => updateSavedView(view.id, { name: renaming.name.trim(), query: view.query, ...(view.columns ? { columns: view.columns } : {}) })))) setRenaming(null);
  };
  return (
    <Stack gap="sm" w={360}>
      <form onSubmit={save}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput label="Save this view as" value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={80} required style={{ flex: 1 }} data-testid="saved-view-name" />
          <Button type="submit" loading={busy} disabled={!name.trim()} data-testid="saved-view-save">
            Save
          </Button>
        </Group>
      </form>
      {problem && (
        <Alert color="red" variant="light" role="alert" data-testid="saved-view-problem">
          {problem}
        </Alert>
      )}
      <Text size="sm" fw={600} id="saved-views-heading">
        My saved views
      </Text>
      {views.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          None yet: set a search, filters and a sort, then save them here.
        </Text>
      )}
      <Stack gap={4} component="ul" aria-labelledby="saved-views-heading" p={0} m={0} style={{ listStyle: 'none' }} data-testid="saved-views">
        {views.data?.map((view) => (
          <li key={view.id}>
            {renaming?.id === view.id ? (
              <form onSubmit={(event) => void rename(event, view)}>
                <Group gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput
                    label={`New name for ${view.name}`}
                    value={renaming.name}
                    onChange={(event) => setRenaming({ id: view.id, name: event.currentTarget.value })}
                    maxLength={80}
                    size="xs"
                    style={{ flex: 1 }}
                    data-autofocus
                  />
                  <Button type="submit" size="xs" loading={busy} data-testid="saved-view-rename-save">
                    Rename
                  </Button>
                  <Button variant="subtle" size="xs" onClick={() => setRenaming(null)}>
                    Cancel
                  </Button>
                </Group>
              </form>
            ) : (
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <UnstyledButton onClick={() => onOpen(view)} fz="sm" c="blue" data-testid={`saved-view-${view.name}`} style={{ flex: 1, textDecoration: 'underline' }}>
                  {view.name}
                </UnstyledButton>
                <Button variant="subtle" size="compact-xs" onClick={() => setRenaming({ id: view.id, name: view.name })} aria-label={`Rename ${view.name}`}>
                  Rename
                </Button>
                <Button variant="subtle" color="red" size="compact-xs" onClick={() => void run(() => deleteSavedView(view.id))} aria-label={`Delete ${view.name}`}>
                  Delete
                </Button>
              </Group>
            )}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
