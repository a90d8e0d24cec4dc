import { describe, expect, it } from 'vitest';
import { mapTilesFromEnv, tileOrigin } from './map-tiles.ts';

describe('mapTilesFromEnv', () => {
  it.each([
    { env: {}, tiles: null },
    { env: { SLUICE_MAP_TILES_URL: ' ' }, tiles: null },
    { env: { SLUICE_MAP_TILES_URL: 'https://tiles.example/{z}/{x}/{y}.png', SLUICE_MAP_TILES_ATTRIBUTION: '© Example' }, tiles: { url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Example' } },
    { env: { SLUICE_MAP_TILES_URL: 'https://tiles.example/tile.png' }, tiles: null },
    { env: { SLUICE_MAP_TILES_URL: 'javascript:alert(1)//{z}{x}{y}' }, tiles: null },
  ])('reads $env as $tiles', ({ env, tiles }) => {
    expect(mapTilesFromEnv(env)).toEqual(tiles);
  });

  it('gives the origin the browser fetches from', () => {
    expect(tileOrigin('https://tiles.example:8443/{z}/{x}/{y}.png')).toBe('https://tiles.example:8443');
    expect(tileOrigin('ftp://tiles.example/{z}')).toBeNull();
  });
});
