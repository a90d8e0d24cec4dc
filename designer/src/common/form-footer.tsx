import { Alert, Button, Group } from '@mantine/core';

/** The end of a form: why the last save failed, if it did, then Cancel and the submit button. */
export function FormFooter({ failure, failureTitle, testId, submitLabel, pending, onCancel }: { failure: string | null; failureTitle: string; testId: string; submitLabel: string; pending: boolean; onCancel: () => void }) {
  return (
    <>
      {failure && (
        <Alert color="red" title={failureTitle} data-testid={`${testId}-error`}>
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending} data-testid={`${testId}-save`}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
