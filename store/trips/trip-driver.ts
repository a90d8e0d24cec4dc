import type { EntityManager } from '@mikro-orm/sql';
import { ResourceRecord } from '../resource.entity.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { TripRefusal } from './trip-refusal.ts';

/** The driver a trip can go to: a driver resource of a driver-pool work area, available. Refused otherwise, saying why. */
export async function tripDriver(em: EntityManager, driverId: string): Promise<ResourceRecord> {
  const driver = await em.findOne(ResourceRecord, { id: driverId });
  if (!driver) throw new TripRefusal(`No driver ${driverId}: add them as a resource of a driver pool first.`);
  if (driver.kind !== 'driver') throw new TripRefusal(`${driver.name} (${driverId}) is a ${driver.kind}, not a driver: trips go to drivers.`);
  const area = await em.findOne(WorkAreaRecord, { id: driver.workAreaId }, { fields: ['kind'] });
  if (area?.kind !== 'driver_pool') throw new TripRefusal(`${driver.name} (${driverId}) belongs to ${driver.workAreaId}, which is not a driver pool: trips go to drivers of driver pools.`);
  if (!driver.available) throw new TripRefusal(`${driver.name} (${driverId}) is marked unavailable (off shift, sick or broken down): choose another driver or mark them available.`);
  return driver;
}
