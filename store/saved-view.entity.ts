import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A view of the orders table a person saved under a name; only its owner reads or changes it. */
export const SavedViewRecord = defineEntity({
  name: 'SavedViewRecord',
  tableName: 'saved_views',
  uniques: [{ properties: ['owner', 'name'] }],
  properties: {
    id: p.string().primary(),
    /** `user:<id>` or `token:<id>`: who saved it. */
    owner: p.string(),
    name: p.string(),
    query: p.text(),
    columns: p.json<string[]>().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type SavedViewRecord = InferEntity<typeof SavedViewRecord>;
