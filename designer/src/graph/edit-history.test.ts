import { describe, expect, it } from 'vitest';
import { commit, redo, startHistory, undo } from './edit-history.ts';

describe('edit history', () => {
  it('undoes and redoes steps in order', () => {
    let h = commit(commit(startHistory('a'), 'b'), 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('forgets what could be redone once a new step is taken', () => {
    const h = commit(undo(commit(startHistory('a'), 'b')), 'x');
    expect(h).toMatchObject({ past: ['a'], present: 'x', future: [] });
  });

  it('folds steps with the same key into one (typing in a field, one drag)', () => {
    let h = commit(startHistory(''), 'n', 'name');
    h = commit(h, 'na', 'name');
    h = commit(h, 'nam', 'name');
    expect(undo(h).present).toBe('');
    h = commit(h, 'other', 'description');
    expect(undo(h).present).toBe('nam');
  });

  it('does not fold a step into one that was undone', () => {
    let h = commit(commit(startHistory('a'), 'b', 'k'), 'c', 'x');
    h = undo(h);
    h = commit(h, 'd', 'k');
    expect(h.past).toEqual(['a', 'b']);
  });

  it('ignores a step that changes nothing', () => {
    const h = startHistory('a');
    expect(commit(h, 'a')).toBe(h);
  });

  it('keeps at most 200 steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 250; i++) h = commit(h, i);
    expect(h.past).toHaveLength(200);
    expect(h.past[0]).toBe(50);
  });
});
