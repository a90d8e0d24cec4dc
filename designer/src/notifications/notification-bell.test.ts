import { describe, expect, it } from 'vitest';
import { bellLabel } from './notification-bell.tsx';

describe('the bell’s accessible name', () => {
  it.each([
    { count: null, label: 'Notifications' },
    { count: { unread: 0, more: false }, label: 'Notifications, none unread' },
    { count: { unread: 3, more: false }, label: 'Notifications, 3 unread' },
    { count: { unread: 999, more: true }, label: 'Notifications, 999+ unread' },
  ])('$label', ({ count, label }) => {
    expect(bellLabel(count)).toBe(label);
  });
});
