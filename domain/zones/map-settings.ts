import { z } from 'zod';

/** What the app's map needs from the server's configuration: a background tile URL, when one is set. */
export const mapSettings = z.object({
  tiles: z
    .object({ url: z.string().describe('A raster tile URL template with {z}, {x} and {y}.'), attribution: z.string() })
    .nullable()
    .describe('Null: the map draws zones and points on a plain background and fetches nothing.'),
});
export type MapSettings = z.infer<typeof mapSettings>;
