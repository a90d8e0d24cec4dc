import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ReserveAt } from '../../domain/inventory.ts';

/** A warehouse's settings, where someone changed them; a warehouse without a row keeps the defaults. */
export const WarehouseSettingsRecord = defineEntity({
  name: 'WarehouseSettingsRecord',
  tableName: 'warehouse_settings',
  properties: {
    warehouse: p.string().primary(),
    /** acceptance | release: when its orders reserve their stock. */
    reserveAt: p.string().$type<ReserveAt>(),
    /** Where the warehouse is, in degrees (the depot of its trips); null until someone sets it. */
    locationLat: p.double().$type<number>().runtimeType('number').nullable(),
    locationLng: p.double().$type<number>().runtimeType('number').nullable(),
    updatedAt: p.datetime(),
    updatedBy: p.string(),
  },
});
export type WarehouseSettingsRecord = InferEntity<typeof WarehouseSettingsRecord>;
