import { describe, expect, it } from 'vitest';
import { liftInlineStyles, STYLE_INDEX_ATTRIBUTE } from './inline-styles.ts';

describe('lifting the first screen’s inline styles out of its markup', () => {
  it.each([
    {
      case: 'each style becomes an index, the same style the same one',
      markup: '<div style="--group-gap:var(--mantine-spacing-md)"><p style="width:calc(2.5rem * var(--mantine-scale))">a</p><p style="--group-gap:var(--mantine-spacing-md)">b</p></div>',
      html: `<div ${STYLE_INDEX_ATTRIBUTE}="0"><p ${STYLE_INDEX_ATTRIBUTE}="1">a</p><p ${STYLE_INDEX_ATTRIBUTE}="0">b</p></div>`,
      styles: ['--group-gap:var(--mantine-spacing-md)', 'width:calc(2.5rem * var(--mantine-scale))'],
    },
    { case: 'no style at all', markup: '<p>style="x"</p>', html: '<p>style="x"</p>', styles: [] },
  ])('$case', ({ markup, html, styles }) => {
    const lifted = liftInlineStyles(markup)!;
    expect(lifted.html).toBe(html);
    expect(lifted.styles).toEqual(styles);
  });

  it('gives the first paint every declaration, outranking the component styles as an inline style does', () => {
    expect(liftInlineStyles('<b style="--a:1px;color:var(--c);"></b>')!.css).toBe(`[${STYLE_INDEX_ATTRIBUTE}="0"]{--a:1px !important;color:var(--c) !important}`);
  });

  it.each([
    { case: 'closes the rule', style: 'color:red}body{display:none' },
    { case: 'holds markup', style: 'color:red&lt;/style&gt;' },
    { case: 'holds a quoted string', style: 'font-family:&quot;Noto&quot;' },
    { case: 'is important already', style: 'color:red !important' },
  ])('lifts nothing when a style $case: the server then leaves the screen to the browser', ({ style }) => {
    expect(liftInlineStyles(`<p style="${style}">x</p>`)).toBeUndefined();
  });
});
