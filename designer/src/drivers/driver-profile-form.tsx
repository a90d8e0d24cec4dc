import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { DriverProfile } from '../../../domain/drivers/driver-profile.ts';
import { ApiError } from '../api/api-error.ts';
import { useResource } from '../api/use-resource.ts';
import { fieldErrors } from '../validation/field-errors.ts';
import { listZoneNames, saveDriverProfile } from './drivers-client.ts';

const optional = (value: number | string) => (value === '' ? null : Number(value));

/** A driver's shift, vehicle and zones; saved against the version read, so a colleague's save in between is not overwritten. */
export function DriverProfileForm({ driver, editable, onSaved }: { driver: DriverProfile; editable: boolean; onSaved: () => void }) {
  const [shiftStart, setShiftStart] = useState(driver.shiftStart ?? '');
  const [shiftEnd, setShiftEnd] = useState(driver.shiftEnd ?? '');
  const [vehicleName, setVehicleName] = useState(driver.vehicle?.name ?? '');
  const [capacity, setCapacity] = useState<number | string>(driver.vehicle?.capacityOrders ?? '');
  const [weight, setWeight] = useState<number | string>(driver.vehicle?.weightKg ?? '');
  const [volume, setVolume] = useState<number | string>(driver.vehicle?.volumeM3 ?? '');
  const [zones, setZones] = useState<string[]>(driver.zones);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [saving, setSaving] = useState(false);
  const known = useResource('driver-zones', listZoneNames);
  const errors = fieldErrors(error instanceof ApiError ? error.issues : []);
  const at = (field: string) => errors[`profile.${field}`];

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await saveDriverProfile(driver.driverId, driver.version, {
        shiftStart: shiftStart.trim(),
        shiftEnd: shiftEnd.trim(),
        vehicle: { name: vehicleName, capacityOrders: Number(capacity), weightKg: optional(weight), volumeM3: optional(volume) },
        zones,
      });
      onSaved();
    } catch (err) {
      setError(err as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label="Profile">
      <Title order={3}>Profile</Title>
      {!editable && <Text size="sm" c="dimmed">Shifts, vehicles and zones are set by dispatchers and admins.</Text>}
      {driver.vehicle === null && editable && <Text size="sm" c="dimmed">Not set up yet: planning needs the driver's shift and vehicle.</Text>}
      {error && (
        <Alert color="red" title="Not saved" data-testid="driver-profile-error">
          {error.message}
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <TextInput label="Shift starts" description="Local time, HH:MM" placeholder="07:30" value={shiftStart} onChange={(e) => setShiftStart(e.currentTarget.value)} error={at('shiftStart')} disabled={!editable} maxLength={5} data-testid="driver-shift-start" />
        <TextInput label="Shift ends" description="A night shift may end the next morning" placeholder="16:00" value={shiftEnd} onChange={(e) => setShiftEnd(e.currentTarget.value)} error={at('shiftEnd')} disabled={!editable} maxLength={5} data-testid="driver-shift-end" />
        <TextInput label="Vehicle" placeholder="Van 12" value={vehicleName} onChange={(e) => setVehicleName(e.currentTarget.value)} error={at('vehicle.name')} disabled={!editable} maxLength={100} data-testid="driver-vehicle" />
        <NumberInput label="Orders it carries" value={capacity} onChange={setCapacity} min={1} max={500} allowDecimal={false} error={at('vehicle.capacityOrders')} disabled={!editable} data-testid="driver-capacity" />
        <NumberInput label="Weight limit (kg)" description="Optional" value={weight} onChange={setWeight} min={0} max={40_000} error={at('vehicle.weightKg')} disabled={!editable} />
        <NumberInput label="Volume (m³)" description="Optional" value={volume} onChange={setVolume} min={0} max={120} error={at('vehicle.volumeM3')} disabled={!editable} />
      </SimpleGrid>
      <TagsInput label="Zones" description="Where the driver delivers; the monitor filters by them" data={known.data ?? []} value={zones} onChange={setZones} error={at('zones')} disabled={!editable} maxTags={30} data-testid="driver-zones" />
      {editable && (
        <Group>
          <Button onClick={() => void save()} loading={saving} data-testid="driver-profile-save">
            Save profile
          </Button>
        </Group>
      )}
    </Stack>
  );
}
