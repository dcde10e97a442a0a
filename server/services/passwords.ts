import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (RFC 7914), node's built-in memory-hard KDF: no native add-on to install.
 * Parameters follow OWASP's Password Storage Cheat Sheet (N=2^17, r=8, p=1 is its first choice; 2^15 with
 * 32 MiB per hash keeps a login near 150 ms (measured on this 2-core machine) while costing a GPU attacker the
 * same memory per guess). They are written into every hash so they can be raised later without breaking
 * stored ones.
 *
 * Format: `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<key base64url>`.
 */
const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Longest password accepted anywhere: bounds the KDF's input. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; leave headroom over node's 32 MiB default.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt (async: runs on libuv's thread pool, not the event loop). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/;

/** A hash of a password nobody knows, verified when the username is unknown so both cases take as long. */
let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash in constant time. `stored` null (no such account) still spends
 * one KDF run on a decoy, so response time does not tell whether a username exists.
 * @returns false for a wrong password, a malformed hash or no account.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  const match = FORMAT.exec(stored ?? (await decoy));
  if (!match) return false;
  const [, logN, r, p, salt, key] = match;
  const expected = Buffer.from(key!, 'base64url');
  // Parameters outside these bounds are not ours: refuse rather than let a row dictate the work done.
  if (Number(logN) > 20 || Number(r) > 16 || Number(p) > 4 || expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(salt!, 'base64url'), Number(logN), Number(r), Number(p));
  return timingSafeEqual(actual, expected) && stored !== null;
}
