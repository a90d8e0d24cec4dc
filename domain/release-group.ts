import { z } from 'zod';
import { oneLine } from './text.ts';
import { CONTINUOUS, releasePeriod, timeZone } from './work-area.ts';

const areaId = z.string().trim().max(40).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a work area id: lower-case letters, digits and dashes');

/**
 * Gateway areas that share downstream workload norms: the group's cycle ranks one pool across all of them,
 * so the best order goes first whichever gateway it enters by. An area is a gateway of one group at most.
 */
export const releaseGroupSettings = z.strictObject({
  name: oneLine(100),
  gatewayIds: z
    .array(areaId)
    .min(1, 'a release group has at least one gateway area')
    .max(100, 'at most 100 gateway areas')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each gateway area once' }),
  /** The time zone of the group's release times when it releases periodically. */
  timeZone: timeZone.default('UTC'),
  releasePeriod: releasePeriod.default(CONTINUOUS),
});
export type ReleaseGroupSettings = z.infer<typeof releaseGroupSettings>;

export const newReleaseGroup = releaseGroupSettings.extend({
  id: z.string().trim().max(40).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, e.g. press-shop'),
});

export const releaseGroup = releaseGroupSettings.extend({ id: z.string() });
export type ReleaseGroup = z.infer<typeof releaseGroup>;
