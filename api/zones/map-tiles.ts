import { log } from '../../logging/logger.ts';
import type { MapSettings } from '../../domain/zones/map-settings.ts';

export type MapTiles = MapSettings['tiles'];

/**
 * The map's background tiles (docs/operations.md): SLUICE_MAP_TILES_URL, an http(s) raster template with
 * {z}, {x} and {y}, and SLUICE_MAP_TILES_ATTRIBUTION, the credit its provider asks for. A URL that is not
 * such a template is ignored with a warning: a typo should not leave the whole map blank.
 */
export function mapTilesFromEnv(env: NodeJS.ProcessEnv = process.env): MapTiles {
  const url = env.SLUICE_MAP_TILES_URL?.trim();
  if (!url) return null;
  if (!tileOrigin(url) || !['{z}', '{x}', '{y}'].every((part) => url.includes(part))) {
    log.warn({ SLUICE_MAP_TILES_URL: url }, 'SLUICE_MAP_TILES_URL is not an http(s) URL with {z}, {x} and {y}: the map draws without tiles');
    return null;
  }
  return { url, attribution: env.SLUICE_MAP_TILES_ATTRIBUTION?.trim() ?? '' };
}

/** The origin the browser fetches tiles from, which the content security policy then allows; null for no http(s) URL. */
export function tileOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.replaceAll(/\{[a-z]+\}/g, '0'));
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
