import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, guardedLookup, mayConnectTo, type PrivateAllowance } from './address-guard.ts';

export interface PostOptions {
  timeoutMs: number;
  /** The most of a response body read, for the delivery log; the rest is dropped unread. */
  maxResponseBytes: number;
  allowPrivate: PrivateAllowance | null;
}

export interface PostResult {
  status: number;
  retryAfter: string | null;
  excerpt: string;
}

/**
 * POSTs `body` once. Redirects are not followed (a 3xx is the answer); the whole exchange has `timeoutMs`.
 * Rejects when no answer came: refused address, DNS, connection, timeout.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostResult> {
  // Node connects to an address literal without a lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !mayConnectTo(literal, options.allowPrivate)) {
    return Promise.reject(new BlockedAddressError(`${literal} is a private, loopback or reserved address that webhooks may not reach (see SLUICE_WEBHOOKS_ALLOW_NETWORKS)`));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Sluice-Webhooks/1' },
        lookup: guardedLookup(options.allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => readExcerpt(res, options.maxResponseBytes).then((excerpt) => resolve({ status: res.statusCode ?? 0, retryAfter: headerOf(res, 'retry-after'), excerpt }), reject),
    );
    req.on('error', (err) => reject(err.name === 'AbortError' || err.name === 'TimeoutError' ? new Error(`no answer within ${options.timeoutMs} ms`) : err));
    req.end(body);
  });
}

const headerOf = (res: IncomingMessage, name: string) => {
  const value = res.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
};

function readExcerpt(res: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, max).toString('utf8'));
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) {
        res.destroy();
        done();
      }
    });
    res.on('end', done);
    res.on('error', (err) => (size >= max ? done() : reject(err)));
  });
}
