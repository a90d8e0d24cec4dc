import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { changePasswordRequest, PASSWORD_MIN_LENGTH } from '../../../domain/auth.ts';
import { ApiError } from '../api/api-error.ts';
import { changePassword } from '../api/auth-client.ts';
import { sentence } from '../format/labels.ts';
import { refreshSession } from './session-actions.ts';
import { maxLengthOf } from '../validation/limits.ts';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}
type FieldErrors = Partial<Record<keyof Fields, string>>;

function validate(fields: Fields): FieldErrors {
  const newPassword = changePasswordRequest.shape.newPassword.safeParse(fields.newPassword);
  const errors: FieldErrors = {};
  if (!fields.currentPassword) errors.currentPassword = 'Enter the password you signed in with';
  if (!newPassword.success) errors.newPassword = sentence(newPassword.error.issues[0]?.message ?? 'Not accepted');
  else if (fields.newPassword === fields.currentPassword) errors.newPassword = 'Choose a password different from the current one';
  if (fields.confirmation !== fields.newPassword) errors.confirmation = 'This does not match the new password';
  return errors;
}

/** Current password, new one twice; on success the session is read again (it no longer asks for a change). */
export function ChangePasswordForm({ onDone, submitLabel }: { onDone?: () => void; submitLabel: string }) {
  const [fields, setFields] = useState<Fields>({ currentPassword: '', newPassword: '', confirmation: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const field = (name: keyof Fields) => ({
    value: fields[name],
    error: errors[name],
    maxLength: maxLengthOf(changePasswordRequest.shape.newPassword),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setFields((current) => ({ ...current, [name]: value }));
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(fields);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    let changed = false;
    try {
      await changePassword({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
      changed = true;
      await refreshSession();
      onDone?.();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const fromServer: FieldErrors = {};
      for (const issue of error instanceof ApiError ? error.issues : []) {
        if (issue.path === 'currentPassword' || issue.path === 'newPassword') fromServer[issue.path] = sentence(issue.message);
      }
      setErrors(fromServer);
      if (changed) setFailure({ title: 'Your password is changed', message: `Reload the page to continue. (${message})` });
      else if (Object.keys(fromServer).length === 0) setFailure({ title: 'The password was not changed', message });
    } finally {
      setPending(false);
    }
  };

  return (
    <form data-testid="change-password-form" onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <PasswordInput
          data-testid="password-current"
          label="Current password"
          autoComplete="current-password"
          data-autofocus
          {...field('currentPassword')}
        />
        <PasswordInput
          data-testid="password-new"
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a password that is long, easy to remember and hard to guess.`}
          autoComplete="new-password"
          {...field('newPassword')}
        />
        <PasswordInput
          data-testid="password-confirm"
          label="New password again"
          autoComplete="new-password"
          {...field('confirmation')}
        />
        {failure && (
          <Alert data-testid="password-error" color="red" title={failure.title}>
            {failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button data-testid="password-submit" type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
