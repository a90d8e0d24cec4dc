import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/*
 * Outbound webhooks go to addresses an admin typed, so a URL must not reach into Sluice's own network
 * (the cloud metadata service, the database, the Temporal server). The host is resolved, every address it
 * resolves to is checked, and the connection is made to the address checked (the lookup below is the one
 * the HTTP request uses), so a DNS answer that changes between the check and the connection changes nothing.
 */

const NOT_PUBLIC: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'], // NAT64 reaches IPv4 space
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['ff00::', 8, 'ipv6'], // multicast
];

const notPublic = new BlockList();
for (const [network, prefix, family] of NOT_PUBLIC) notPublic.addSubnet(network, prefix, family);

/** The networks Sluice may post to although they are not public: `SLUICE_WEBHOOKS_ALLOW_NETWORKS`, or every one. */
export type PrivateAllowance = 'all' | BlockList;

/** `10.0.0.0/8, 127.0.0.1` → a list; throws on a network that is not one. */
export function parseAllowedNetworks(text: string): BlockList {
  const list = new BlockList();
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', prefix] = item.split('/');
    const family = isIP(address);
    if (!family) throw new Error(`SLUICE_WEBHOOKS_ALLOW_NETWORKS: "${item}" is not an address or network (e.g. 10.0.0.0/8)`);
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`SLUICE_WEBHOOKS_ALLOW_NETWORKS: "${item}" has no valid prefix length`);
    list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it is. */
function normalized(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Whether Sluice may connect to the address: public, or in a network the configuration allows. */
export function mayConnectTo(address: string, allowance: PrivateAllowance | null): boolean {
  const a = normalized(address);
  if (!notPublic.check(a.address, a.family)) return true;
  return allowance === 'all' || (allowance !== null && allowance.check(a.address, a.family));
}

export class BlockedAddressError extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request`: resolves the host, refuses it when any of its addresses may not be reached
 * (a host with one private address among public ones could be steered to it), else answers the addresses checked.
 */
export function guardedLookup(allowance: PrivateAllowance | null) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = addresses.find((a) => !mayConnectTo(a.address, allowance));
      if (blocked) return callback(new BlockedAddressError(`${hostname} resolves to ${blocked.address}, a private, loopback or reserved address that webhooks may not reach (see SLUICE_WEBHOOKS_ALLOW_NETWORKS)`), []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
