import { Button, Loader, Popover } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { SavedViewsPanelProps } from './saved-views-panel.tsx';

// The list and its forms load when the person first opens their saved views, not with the table.
const SavedViewsPanel = lazy(async () => ({ default: (await import('./saved-views-panel.tsx')).SavedViewsPanel }));

export function SavedViewsMenu({ query, columns, onOpen }: SavedViewsPanelProps) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" onClick={() => setOpened((open) => !open)} data-testid="saved-views-button">
          Saved views
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="saved-views-panel">
        <Suspense fallback={<Loader size="sm" aria-label="Loading your saved views" />}>
          <SavedViewsPanel
            query={query}
            columns={columns}
            onOpen={(view) => {
              setOpened(false);
              onOpen(view);
            }}
          />
        </Suspense>
      </Popover.Dropdown>
    </Popover>
  );
}
