import { Anchor, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { LoginForm } from './login-form.tsx';

/** What anyone who is not signed in sees: nothing of Sluice's data, only the way in. */
export function LoginPage() {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <Stack gap="lg">
          <div>
            <Group gap={8} align="baseline">
              <Title order={2}>Sluice</Title>
              <Text size="sm" c="dimmed">
                order release
              </Text>
            </Group>
            <Text size="sm" mt="xs">
              Sign in with the username and password your Sluice administrator gave you. What you see depends on
              your roles.
            </Text>
          </div>
          <LoginForm />
          <Text size="xs" c="dimmed" ta="center">
            Connecting a system instead of a person? See the{' '}
            <Anchor href="/docs" target="_blank" size="xs">
              API reference
            </Anchor>
            .
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
