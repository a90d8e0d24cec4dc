import type { MonitorRow } from '../../../domain/drivers/driver-trip.ts';
import type { MapSettings } from '../../../domain/zones/map-settings.ts';
import type { OrderMap } from '../../../domain/zones/order-map.ts';
import type { Zone } from '../../../domain/zones/zone.ts';
import { request } from '../api/request.ts';

export interface MapFilter {
  zone?: string;
  lastMile?: string;
}

export const getMapSettings = (signal?: AbortSignal) => request<MapSettings>('/map/settings', { signal });
export const listZones = async (signal?: AbortSignal) => (await request<{ zones: Zone[] }>('/zones', { signal })).zones;
export const mapOrders = (filter: MapFilter, signal?: AbortSignal) => request<OrderMap>(`/map/orders?${new URLSearchParams({ ...filter })}`, { signal });
export const driverMonitor = async (signal?: AbortSignal) => (await request<{ drivers: MonitorRow[] }>('/drivers/monitor', { signal })).drivers;
