import { describe, expect, it } from 'vitest';
import { mapStyle } from './map-style.ts';

describe('mapStyle', () => {
  it('without tiles names no source at all, so the map makes no request', () => {
    const style = mapStyle(null);
    expect(style.sources).toEqual({});
    expect(JSON.stringify(style)).not.toMatch(/https?:|glyphs|sprite/);
  });

  it('with tiles draws them under everything else', () => {
    const style = mapStyle({ url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Example' });
    expect(style.sources.base).toMatchObject({ type: 'raster', tiles: ['https://tiles.example/{z}/{x}/{y}.png'], attribution: '© Example' });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'base']);
  });
});
