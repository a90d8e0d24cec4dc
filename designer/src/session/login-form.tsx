import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatWait } from '../format/duration.ts';
import { useNow } from '../format/use-now.ts';
import { describeLoginFailure, type LoginFailure } from './login-failure.ts';
import { signIn } from './session-actions.ts';
// The limits, not the schema: the sign-in page loads no zod.
import { PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from '../../../domain/auth-limits.ts';

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Username and password; says plainly why a sign-in failed and, when throttled, how long to wait. */
export function LoginForm({ defaultUsername = '' }: { defaultUsername?: string }) {
  const [username, setUsername] = useState(defaultUsername);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [pending, setPending] = useState(false);
  const now = useNow(1_000);
  const waitMs = failure?.retryAt === undefined ? 0 : failure.retryAt - now;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      ...(username.trim() ? {} : { username: 'Enter your username' }),
      ...(password ? {} : { password: 'Enter your password' }),
    };
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    setPending(true);
    setFailure(null);
    try {
      await signIn({ username: username.trim(), password });
    } catch (error) {
      const described = describeLoginFailure(error, Date.now());
      setFailure(described);
      if (described.kind === 'credentials') setPassword('');
    } finally {
      setPending(false);
    }
  };

  return (
    <form data-testid="login-form" onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <TextInput
          data-testid="login-username"
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          maxLength={USERNAME_MAX_LENGTH}
          error={fieldErrors.username}
          autoFocus={!defaultUsername}
        />
        <PasswordInput
          data-testid="login-password"
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          maxLength={PASSWORD_MAX_LENGTH}
          error={fieldErrors.password}
          data-autofocus={defaultUsername ? true : undefined}
        />
        {failure && (
          <Alert data-testid="login-error" color={failure.kind === 'throttled' ? 'orange' : 'red'} title={failure.title}>
            <Text size="sm">{failure.message}</Text>
            {failure.retryAt !== undefined && (
              <Text size="sm" fw={600} mt={4}>
                {waitMs > 0 ? `You can try again in ${formatWait(waitMs / 1000)}.` : 'You can try again now.'}
              </Text>
            )}
          </Alert>
        )}
        <Button data-testid="login-submit" type="submit" loading={pending} disabled={waitMs > 0} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
