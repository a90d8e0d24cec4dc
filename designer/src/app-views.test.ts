import { describe, expect, it } from 'vitest';
import { firstViewOf, viewIn, viewsFor } from './app-views.ts';

const tabs = (...roles: Parameters<typeof viewsFor>[0]) => viewsFor(roles).map((view) => view.value);

describe('viewsFor', () => {
  it('gives each role only its screens', () => {
    expect(tabs('finance')).toEqual(['orders', 'bulk', 'accounts', 'returns', 'reconciliation', 'trips', 'waybills', 'map']);
    expect(tabs('dispatcher')).toEqual(['orders', 'import', 'areas', 'priority-rules', 'bulk', 'accounts', 'inventory', 'trips', 'trip-planning', 'waybills', 'support', 'drivers', 'map']);
    expect(tabs('ops_manager')).toEqual(['orders', 'dashboard', 'import', 'areas', 'priority-rules', 'bulk', 'accounts', 'inventory', 'reconciliation', 'trips', 'trip-planning', 'waybills', 'support', 'drivers', 'map']);
    expect(tabs('admin')).toEqual(['orders', 'dashboard', 'import', 'areas', 'priority-rules', 'accounts', 'admin', 'inventory', 'trips', 'waybills', 'map']);
    expect(tabs('order_processor')).toEqual(['orders', 'bulk', 'accounts', 'returns', 'reconciliation', 'trips', 'waybills', 'support', 'map']);
  });

  it('unites the screens of several roles, in tab order', () => {
    expect(tabs('finance', 'admin')).toEqual(['orders', 'dashboard', 'import', 'areas', 'priority-rules', 'bulk', 'accounts', 'admin', 'inventory', 'returns', 'reconciliation', 'trips', 'waybills', 'map']);
  });

  it('opens the screen a URL names, when the person may see it', () => {
    expect(viewIn('?view=dashboard', viewsFor(['ops_manager']))).toBe('dashboard');
    expect(viewIn('?view=dashboard', viewsFor(['dispatcher']))).toBeNull();
    expect(viewIn('', viewsFor(['ops_manager']))).toBeNull();
  });

  it('shows nothing to nobody', () => {
    expect(tabs()).toEqual([]);
    expect(firstViewOf('?view=orders', [])).toBeNull();
  });

  it.each([
    { search: '', roles: ['finance'] as const, first: 'orders' },
    { search: '?view=dashboard', roles: ['ops_manager'] as const, first: 'dashboard' },
    // A screen the person may not see is not where the app opens: their first tab is.
    { search: '?view=dashboard&desk=all', roles: ['dispatcher'] as const, first: 'orders' },
  ])('opens $search for $roles on $first', ({ search, roles, first }) => {
    expect(firstViewOf(search, roles)).toBe(first);
  });
});
