import { describe, expect, it } from 'vitest';
import { guardedLookup, mayConnectTo, parseAllowedNetworks } from './address-guard.ts';

describe('which addresses webhooks may reach', () => {
  it.each([
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false], // IPv4 written as IPv6 is judged as IPv4
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::a00:1', false],
  ])('%s: %s with no allowance', (address, allowed) => {
    expect(mayConnectTo(address, null)).toBe(allowed);
  });

  it.each([
    { allow: '127.0.0.1', address: '127.0.0.1', allowed: true },
    { allow: '127.0.0.1', address: '127.0.0.2', allowed: false },
    { allow: '10.0.0.0/8', address: '10.9.8.7', allowed: true },
    { allow: '10.0.0.0/8', address: '192.168.0.1', allowed: false },
    { allow: '10.0.0.0/8, ::1', address: '::1', allowed: true },
    { allow: '10.0.0.0/8', address: '::ffff:10.0.0.1', allowed: true },
  ])('allowing $allow: $address is $allowed', ({ allow, address, allowed }) => {
    expect(mayConnectTo(address, parseAllowedNetworks(allow))).toBe(allowed);
  });

  it('allowing every private network reaches loopback', () => {
    expect(mayConnectTo('127.0.0.1', 'all')).toBe(true);
  });

  it.each(['localhost', '10.0.0.0/33', 'a.b.c.d/8', '10.0.0.0/x'])('refuses an allowance of %s', (allow) => {
    expect(() => parseAllowedNetworks(allow)).toThrow(/SLUICE_WEBHOOKS_ALLOW_NETWORKS/);
  });

  it('the lookup refuses a name that resolves to a private address, and answers the checked one when allowed', async () => {
    const lookup = (allowance: Parameters<typeof guardedLookup>[0]) =>
      new Promise<{ err: Error | null; address: unknown }>((resolve) => guardedLookup(allowance)('localhost', {}, (err, address) => resolve({ err, address })));
    const refused = await lookup(null);
    expect(refused.err?.message).toMatch(/^localhost resolves to .*, a private, loopback or reserved address/);
    const allowed = await lookup('all');
    expect(allowed.err).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(allowed.address);
  });
});
