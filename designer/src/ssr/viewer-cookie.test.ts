import { describe, expect, it } from 'vitest';
import { viewerOf } from './viewer-cookie.ts';

describe('the viewer cookie', () => {
  it.each([
    { cookie: 'en-GB Europe/London', viewer: { locale: 'en-GB', timeZone: 'Europe/London' } },
    { cookie: 'de-DE Asia/Tokyo', viewer: { locale: 'de-DE', timeZone: 'Asia/Tokyo' } },
    { cookie: undefined, viewer: undefined },
    { cookie: '', viewer: undefined },
    { cookie: 'en-GB', viewer: undefined },
    { cookie: 'en-GB Europe/London extra', viewer: undefined },
    { cookie: 'en-GB Mars/Olympus_Mons', viewer: undefined },
    { cookie: 'not_a_locale UTC', viewer: undefined },
    { cookie: `en-GB ${'A'.repeat(500)}`, viewer: undefined },
  ])('$cookie names $viewer', ({ cookie, viewer }) => {
    expect(viewerOf(cookie)).toEqual(viewer);
  });
});
