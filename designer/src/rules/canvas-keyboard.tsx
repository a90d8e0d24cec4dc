import { Button } from '@mantine/core';
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import classes from './designer-layout.module.css';

const FIELDS = 'input:not([disabled]), textarea:not([disabled]), [role="combobox"]';

/** A link past the palette's many buttons straight to the canvas's first node, shown when a keyboard reaches it. */
export function SkipToCanvas({ canvas }: { canvas: RefObject<HTMLElement | null> }) {
  return (
    <Button
      variant="default"
      size="xs"
      className={classes.skip}
      data-testid="skip-to-canvas"
      onClick={() => canvas.current?.querySelector<HTMLElement>('.react-flow__node')?.focus()}
    >
      Skip to the canvas
    </Button>
  );
}

/**
 * Enter on a node selects it (React Flow) and, here, takes the keyboard on to its fields in the inspector:
 * otherwise every other node and link stands between the node and its fields.
 */
export function openInInspector(event: KeyboardEvent, inspector: RefObject<HTMLElement | null>): void {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLElement) || !event.target.classList.contains('react-flow__node')) return;
  requestAnimationFrame(() => inspector.current?.querySelector<HTMLElement>(FIELDS)?.focus());
}

/** Focus to this element when it first shows, as after "Edit rules", whose button it replaces. */
export function useFocusOnShow(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    target.current?.focus();
  }, [target]);
}
