// A server bound to every interface is still reached through loopback.
const wildcards: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '::1' };

export function hostAddress(ip: string, port: number): string {
  const host = wildcards[ip] ?? ip;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
