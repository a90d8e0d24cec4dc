/**
 * The server-rendered first screen's inline styles (Mantine sets its components' variables in `style`),
 * which the page's CSP refuses as attributes in markup (`style-src` admits nonced elements only). The
 * server lifts them out: each element keeps an index instead, and the page carries a nonced stylesheet
 * that gives the indexed elements those styles for the first paint. Before the app hydrates, the browser
 * puts them back as inline styles through the CSSOM (which the CSP allows) and drops the sheet, so React
 * finds the markup as it rendered it.
 */
export const STYLE_INDEX_ATTRIBUTE = 'data-sluice-style';
/** The stylesheet's id; the styles' list, a data block, is under `${LIFTED_STYLES_ID}-list`. */
export const LIFTED_STYLES_ID = 'sluice-lifted-styles';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&lt;': '<', '&gt;': '>' };
/** What a style may hold to be put in a stylesheet as it is: Mantine's variables and lengths never need more. */
const PLAIN_STYLE = /^[\w\s\-:;.,%()#*/+]*$/;

export interface LiftedStyles {
  html: string;
  /** The distinct styles, by index. */
  styles: string[];
  /** The stylesheet for the first paint: inline styles outrank the component styles, so these are `!important`. */
  css: string;
}

/** The markup with its `style` attributes replaced by indexes, or undefined when a style is not plain enough to lift. */
export function liftInlineStyles(markup: string): LiftedStyles | undefined {
  const styles: string[] = [];
  const indexOf = new Map<string, number>();
  let plain = true;
  const html = markup.replace(/ style="([^"]*)"/g, (_, escaped: string) => {
    const style = escaped.replace(/&(?:amp|quot|#x27|lt|gt);/g, (entity) => ENTITIES[entity]!);
    if (!PLAIN_STYLE.test(style)) plain = false;
    let index = indexOf.get(style);
    if (index === undefined) {
      index = styles.push(style) - 1;
      indexOf.set(style, index);
    }
    return ` ${STYLE_INDEX_ATTRIBUTE}="${index}"`;
  });
  if (!plain) return undefined;
  const important = (style: string) =>
    style
      .split(';')
      .filter((declaration) => declaration.trim())
      .map((declaration) => `${declaration} !important`)
      .join(';');
  return { html, styles, css: styles.map((style, index) => `[${STYLE_INDEX_ATTRIBUTE}="${index}"]{${important(style)}}`).join('\n') };
}

/** In the browser, before hydrating: the lifted styles back on their elements, and the sheet and indexes gone. */
export function restoreInlineStyles(root: HTMLElement, styles: readonly string[]): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[${STYLE_INDEX_ATTRIBUTE}]`)) {
    element.style.cssText = styles[Number(element.getAttribute(STYLE_INDEX_ATTRIBUTE))] ?? '';
    element.removeAttribute(STYLE_INDEX_ATTRIBUTE);
  }
  document.getElementById(LIFTED_STYLES_ID)?.remove();
}
