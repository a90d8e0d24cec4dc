import type { StyleSpecification } from 'maplibre-gl';

export const BACKGROUND_HEX = '#eef2f5';

/**
 * The map's style: a plain background and, only when the operator configured tiles, one raster layer
 * under the work. No glyphs, sprites or vector tiles: without tiles the map fetches nothing, so it works
 * offline and in tests; names are drawn as HTML beside the map.
 */
export function mapStyle(tiles: { url: string; attribution: string } | null): StyleSpecification {
  return {
    version: 8,
    sources: tiles ? { base: { type: 'raster', tiles: [tiles.url], tileSize: 256, attribution: tiles.attribution, maxzoom: 19 } } : {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_HEX } }, ...(tiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : [])],
  };
}
