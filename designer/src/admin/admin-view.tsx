import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useSession } from '../session/use-session.ts';
import { TokensPanel } from './tokens-panel.tsx';
import { UsersPanel } from './users-panel.tsx';
import { WebhooksPanel } from './webhooks/webhooks-panel.tsx';

export function AdminView() {
  const { can } = useSession();
  const sections = [
    ...(can('users.manage') ? [{ value: 'users', label: 'People and roles' }] : []),
    ...(can('tokens.manage') ? [{ value: 'tokens', label: 'API tokens' }] : []),
    ...(can('webhooks.manage') ? [{ value: 'webhooks', label: 'Webhooks' }] : []),
  ];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Admin</Title>
        <Text c="dimmed" size="sm">
          Who can sign in and what their roles let them do, the tokens other systems use to call Sluice, and the webhooks that tell them what happened.
        </Text>
      </div>
      <Tabs defaultValue={sections[0]?.value ?? null} variant="outline" keepMounted={false}>
        <Tabs.List mb="md">
          {sections.map((section) => (
            <Tabs.Tab key={section.value} value={section.value} data-testid={`admin-tab-${section.value}`}>
              {section.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <TokensPanel />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks">
          <WebhooksPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
