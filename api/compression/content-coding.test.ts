import { describe, expect, it } from 'vitest';
import { chosenCoding } from './content-coding.ts';

describe('chosenCoding', () => {
  it.each([
    { header: undefined, chosen: undefined },
    { header: '', chosen: undefined },
    { header: 'identity', chosen: undefined },
    { header: 'gzip, deflate, br, zstd', chosen: 'br' },
    { header: 'gzip', chosen: 'gzip' },
    { header: 'GZIP;Q=0.5', chosen: 'gzip' },
    { header: 'br;q=0, gzip', chosen: 'gzip' },
    { header: 'br;q=0.4, gzip;q=0.8', chosen: 'gzip' },
    { header: '*', chosen: 'br' },
    { header: '*, br;q=0', chosen: 'gzip' },
    { header: 'gzip;q=0, br;q=0', chosen: undefined },
    { header: 'br;q=nonsense, gzip', chosen: 'gzip' },
  ])('$header → $chosen', ({ header, chosen }) => {
    expect(chosenCoding(header)).toBe(chosen);
  });
});
