import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { SCREEN_FAILURE_ADVICE, screenFailureOf } from './screen-failure.ts';

interface Props {
  /** What could not be shown, as the person knows it: "The Dashboard screen", "Sluice". */
  what: string;
  children: ReactNode;
}

/**
 * Keeps a failure inside what failed: a screen whose code could not be fetched, or that threw while
 * rendering, says so in its place, and the tabs and header around it go on working. Without it React
 * unmounts the whole app and leaves a blank page. A failed `import()` stays failed for the page's life (the
 * lazy component keeps its rejection), so the way out offered is a reload.
 */
export class ScreenBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <Alert color="red" title={`${this.props.what} could not be shown`} role="alert" data-testid="screen-failed" maw={720}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{SCREEN_FAILURE_ADVICE[screenFailureOf(error)]}</Text>
          {error instanceof Error && (
            <Text size="xs" c="dimmed">
              {error.message}
            </Text>
          )}
          <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Stack>
      </Alert>
    );
  }
}
