// No 0/O, 1/l/I: the password is read out or copied by hand once, and must survive that.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time password like `h7Kq-2mXe-Rt9w-PbZs` (about 95 bits), easy to read out over the phone. */
export function suggestPassword(): string {
  const values = crypto.getRandomValues(new Uint32Array(16));
  const characters = Array.from(values, (value) => ALPHABET[value % ALPHABET.length]);
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join('')).join('-');
}
