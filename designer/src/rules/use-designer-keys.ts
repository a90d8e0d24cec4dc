import { useEffect, useEffectEvent } from 'react';

export interface DesignerKeys {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
}

/** Typing in a field keeps the browser's own undo, copy and paste. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y), Ctrl+C / Ctrl+V, with ⌘ on a Mac. Delete is React Flow's own, as
 * it knows what is selected on the canvas.
 */
export function useDesignerKeys(keys: DesignerKeys, enabled: boolean): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
    const key = event.key.toLowerCase();
    const action =
      key === 'z' ? (event.shiftKey ? keys.redo : keys.undo) : key === 'y' ? keys.redo : key === 'c' && !event.shiftKey ? keys.copy : key === 'v' && !event.shiftKey ? keys.paste : null;
    if (!action) return;
    // Text selected elsewhere on the page is copied as text, not as nodes.
    if (key === 'c' && (window.getSelection()?.toString() ?? '') !== '') return;
    event.preventDefault();
    action();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
