/**
 * Where customers reach Sluice: the start of the links printed on paper (a label's tracking QR code).
 * The worker renders documents, so it reads this too; without it, the app's own local address.
 */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SLUICE_PUBLIC_URL?.trim();
  if (configured) return new URL(configured).toString().replace(/\/+$/, '');
  return `http://127.0.0.1:${Number(env.PORT ?? 3000)}`;
}
