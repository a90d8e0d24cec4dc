import { describe, expect, it } from 'vitest';
import type { Route } from '../../../domain/routes/route.ts';
import { draftOf, emptyDraft, emptyStop, inputOf, moveStop, parsePoint, parseRadius } from './route-draft.ts';

describe('route draft', () => {
  it.each([
    ['52.37, 4.89', { lat: 52.37, lng: 4.89 }],
    [' -33.9;18.4 ', { lat: -33.9, lng: 18.4 }],
    ['52.37 4.89', { lat: 52.37, lng: 4.89 }],
    ['91, 4', 'Latitude is between -90 and 90, longitude between -180 and 180'],
    ['52.37', 'Give latitude and longitude in degrees, e.g. 52.37, 4.89'],
    ['', 'Give latitude and longitude in degrees, e.g. 52.37, 4.89'],
  ])('reads the point %j', (text, expected) => {
    expect(parsePoint(text)).toEqual(expected);
  });

  it.each([
    ['', null],
    ['2,5', 2.5],
    ['3', 3],
    ['0', expect.stringMatching(/more than 0/)],
    ['far', expect.stringMatching(/more than 0/)],
  ])('reads the radius %j', (text, expected) => {
    expect(parseRadius(text)).toEqual(expected);
  });

  it('names every field a person must fix before anything is sent', () => {
    const draft = { ...emptyDraft(), stops: [{ ...emptyStop(), radius: '-1' }] };
    expect(inputOf(draft)).toEqual({
      errors: { name: expect.any(String), 'stops.0.name': 'Name the stop', 'stops.0.point': expect.any(String), 'stops.0.radius': expect.any(String) },
    });
    expect(inputOf({ ...draft, stops: [] })).toMatchObject({ errors: { stops: 'A route calls at one stop at least' } });
  });

  it('sends blanks as none and keeps the stops in order', () => {
    const stop = (name: string, point: string) => ({ ...emptyStop(), name, point });
    const draft = { ...emptyDraft(), name: ' Hub run ', zone: ' ', stops: [stop('A', '52.3, 4.8'), stop('B', '52.4, 4.9')], driverIds: ['ria'] };
    const swapped = moveStop(draft, 0, 1);
    expect(moveStop(draft, 1, 1)).toBe(draft);
    expect(inputOf(swapped)).toEqual({
      input: {
        name: 'Hub run',
        zone: null,
        warehouse: null,
        driverIds: ['ria'],
        stops: [
          { name: 'B', location: { lat: 52.4, lng: 4.9 }, radiusKm: null, kinds: [], zones: [], accounts: [] },
          { name: 'A', location: { lat: 52.3, lng: 4.8 }, radiusKm: null, kinds: [], zones: [], accounts: [] },
        ],
      },
    });
  });

  it('turns a route read back into the same request', () => {
    const stops = [{ name: 'Hub', location: { lat: 52.37, lng: 4.89 }, radiusKm: 2.5, kinds: ['delivery' as const], zones: ['north'], accounts: [] }];
    const route: Route = { id: 'r', name: 'Run', zone: 'north', warehouse: 'W1', stops, driverIds: ['ria'], active: true, version: 3, createdBy: 'dan', createdAt: '', updatedAt: '' };
    expect(inputOf(draftOf(route))).toEqual({ input: { name: 'Run', zone: 'north', warehouse: 'W1', stops, driverIds: ['ria'] } });
  });
});
