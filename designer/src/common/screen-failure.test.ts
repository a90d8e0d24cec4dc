import { describe, expect, it } from 'vitest';
import { screenFailureOf } from './screen-failure.ts';

describe('screenFailureOf', () => {
  it.each([
    ['Chromium', new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/dashboard-view-1a2b.js'), 'code-not-fetched'],
    ['Firefox', new TypeError('error loading dynamically imported module: http://127.0.0.1/assets/x.js'), 'code-not-fetched'],
    ['Safari', new TypeError('Importing a module script failed.'), 'code-not-fetched'],
    ['a render error', new TypeError("Cannot read properties of undefined (reading 'orders')"), 'error'],
    ['a thrown string', 'boom', 'error'],
    ['nothing', undefined, 'error'],
  ] as const)('%s', (_, error, expected) => {
    expect(screenFailureOf(error)).toBe(expected);
  });
});
