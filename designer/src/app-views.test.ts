import { describe, expect, it } from 'vitest';
import { viewsFor } from './app-views.ts';

const tabs = (...roles: Parameters<typeof viewsFor>[0]) => viewsFor(roles).map((view) => view.value);

describe('viewsFor', () => {
  it('gives each role only its screens', () => {
    expect(tabs('finance')).toEqual(['orders']);
    expect(tabs('dispatcher')).toEqual(['orders', 'areas', 'priority-rules']);
    expect(tabs('ops_manager')).toEqual(['orders', 'areas', 'priority-rules']);
    expect(tabs('admin')).toEqual(['orders', 'areas', 'priority-rules', 'admin']);
  });

  it('unites the screens of several roles, in tab order', () => {
    expect(tabs('finance', 'admin')).toEqual(['orders', 'areas', 'priority-rules', 'admin']);
  });

  it('shows nothing to nobody', () => {
    expect(tabs()).toEqual([]);
  });
});
