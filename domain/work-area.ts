import { z } from 'zod';

export const workArea = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['production_line', 'pick_zone', 'pack_station', 'driver_pool']),
  wipLimit: z.number().int().positive(),
});
export type WorkArea = z.infer<typeof workArea>;
