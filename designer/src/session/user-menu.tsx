import { Avatar, Badge, Group, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { SignOutFailedModal } from './sign-out-failed-modal.tsx';
import { useSession } from './use-session.ts';
import { useSignOut } from './use-sign-out.ts';

// Its form's schema is zod's: loaded when first asked for, not with every page.
const ChangePasswordModal = lazy(async () => ({ default: (await import('./change-password-modal.tsx')).ChangePasswordModal }));

/** Who is signed in and with which roles, always in view, since that decides what the screens offer. */
export function UserMenu() {
  const { user } = useSession();
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  // Once loaded the modal stays mounted, so that closing it animates and hands focus back as before.
  const [passwordAsked, setPasswordAsked] = useState(false);
  if (changingPassword && !passwordAsked) setPasswordAsked(true);
  const roleLabels = user.roles.map((role) => ROLE_LABELS[role]).join(', ');

  return (
    <>
      <Menu position="bottom-end" width={280} shadow="md">
        <Menu.Target>
          {/* The button's name is what it shows (name and roles) and what it opens, as screen readers announce it. */}
          <UnstyledButton data-testid="user-menu">
            <Group gap="xs" wrap="nowrap">
              <Avatar name={user.displayName} color="blue" variant="filled" size="md" aria-hidden />
              <VisuallyHidden>Account menu of</VisuallyHidden>
              <Stack gap={0} visibleFrom="sm">
                <Text size="sm" fw={600} lh={1.2}>
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} data-testid="user-roles">
                  {roleLabels}
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as</Menu.Label>
          <Stack gap={4} px="sm" pb="sm">
            <Text size="sm" fw={600}>
              {user.displayName}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                {user.username}
              </Text>
            </Text>
            <Group gap={4}>
              {user.roles.map((role) => (
                <Badge key={role} size="sm" variant="light">
                  {ROLE_LABELS[role]}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Menu.Divider />
          <Menu.Item data-testid="change-password" onClick={() => setChangingPassword(true)}>
            Change password
          </Menu.Item>
          {/* A menu item's colour takes its sixth shade, 3.3:1 on white: the ninth reads. */}
          <Menu.Item data-testid="sign-out" color="red.9" onClick={signOut.signOut}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {passwordAsked && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
      <SignOutFailedModal error={signOut.error} onRetry={signOut.signOut} onClose={signOut.dismiss} />
    </>
  );
}
