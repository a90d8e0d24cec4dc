import { useEffect } from 'react';

/**
 * After sign-in the page's main heading takes the focus, so that a keyboard or screen reader starts at the
 * page rather than at the top of the document. The heading renders once its view has loaded: this waits for it.
 */
export function useFocusMainHeading(): void {
  useEffect(() => {
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main h1, main h2');
      if (!heading) return false;
      // Someone already moved on (clicked, typed into a field): leave their focus where it is.
      if (document.activeElement && document.activeElement !== document.body) return true;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => {
      if (focus()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
