import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadedScreen, screen } from './screen-loader.ts';

const Hello = () => createElement('p', null, 'the screen');
const shown = (component: Parameters<typeof createElement>[0]) => renderToString(createElement(Suspense, { fallback: createElement('p', null, 'loading') }, createElement(component)));

describe('a screen loaded on demand', () => {
  it('renders at once when its code has already loaded, so no loader is shown in its place', async () => {
    const { Component, preload } = screen(async () => Hello);
    await preload();
    expect(shown(Component)).toMatch(/<p>the screen<\/p>/);
    expect(shown(Component)).not.toMatch(/loading/);
  });

  it('suspends while its code loads, loading it once however often it is asked for', async () => {
    let loads = 0;
    const { Component, preload } = screen(async () => {
      loads += 1;
      return Hello;
    });
    expect(shown(Component)).toContain('loading');
    await Promise.all([preload(), preload()]);
    expect(loads).toBe(1);
  });

  it('renders at once, never suspended, when its code comes with the page', async () => {
    const { Component, preload } = loadedScreen(Hello);
    expect(shown(Component)).toMatch(/<p>the screen<\/p>/);
    expect(shown(Component)).not.toMatch(/loading/);
    expect(await preload()).toBe(Hello);
  });
});
