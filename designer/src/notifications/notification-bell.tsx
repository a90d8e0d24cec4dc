import { ActionIcon, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { NotificationView, UnreadCount } from '../../../domain/notification.ts';
import { formatDateTime } from '../format/time.ts';
import { markAllNotificationsRead, markNotificationRead } from './notifications-client.ts';
import { useMyNotifications } from './use-notifications.ts';

const countText = (count: UnreadCount) => `${count.unread}${count.more ? '+' : ''}`;

/** "Notifications, 3 unread": what the bell says to a screen reader, the count it shows as a badge. */
export function bellLabel(count: UnreadCount | null): string {
  if (!count) return 'Notifications';
  return count.unread === 0 && !count.more ? 'Notifications, none unread' : `Notifications, ${countText(count)} unread`;
}

/** Opens a link into the app in place, as the app's own links do: the screens follow the URL. */
function openInApp(link: string) {
  window.history.pushState(null, '', link);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The header's bell: the signed-in person's unread count, kept live, and their newest notifications. */
export function NotificationBell() {
  const { count, items, failed, reload } = useMyNotifications();
  const [opened, setOpened] = useState(false);
  const unread = count ? count.unread > 0 || count.more : false;

  const open = async (n: NotificationView) => {
    setOpened(false);
    openInApp(n.link);
    if (!n.read) await markNotificationRead(n.id).catch(() => undefined);
    reload();
  };
  const markAll = async () => {
    await markAllNotificationsRead().catch(() => undefined);
    reload();
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus returnFocus>
      {/* The target is the button itself: the popover's aria-expanded and aria-controls belong on it. */}
      <Indicator label={count ? countText(count) : undefined} disabled={!unread} size={18} color="red" offset={4}>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={bellLabel(count)} data-testid="notification-bell" onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => void markAll()} disabled={!unread}>
            Mark all read
          </Button>
        </Group>
        {failed && (
          <Text size="sm" c="red.8" px="sm" pb="xs" role="alert">
            Notifications could not be loaded; they will be tried again with the next one.
          </Text>
        )}
        {items && items.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" pb="sm">
            Nothing yet. Escalations to your role, holds of yours released and orders about to be late show here.
          </Text>
        )}
        {items && items.length > 0 && (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton w="100%" px="sm" py="xs" onClick={() => void open(n)} data-read={n.read} data-testid="notification-item" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: n.read ? undefined : 'var(--mantine-color-blue-0)' }}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Box w={8} h={8} mt={6} style={{ borderRadius: 4, flexShrink: 0, background: n.read ? 'transparent' : 'var(--mantine-color-blue-7)' }} aria-hidden />
                      <Stack gap={2}>
                        <Text size="sm" fw={n.read ? 400 : 600}>
                          {!n.read && <VisuallyHidden>Unread: </VisuallyHidden>}
                          {n.title}
                        </Text>
                        {n.text && (
                          <Text size="xs" c="gray.7">
                            {n.text}
                          </Text>
                        )}
                        <Text size="xs" c="gray.7">
                          {formatDateTime(n.createdAt)}
                        </Text>
                      </Stack>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
