import { randomFillSync } from 'node:crypto';

// Every page answer needs fresh random values (a CSP nonce, a CSRF seed for a new visitor). Asking
// the system's CSPRNG for 16 bytes at a time costs more than the rest of a cached page's answer, so
// bytes are drawn from a pool refilled 4 KB at a time, as Node's own randomUUID does. Each byte is
// handed out once.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/** `bytes` fresh random bytes from the CSPRNG, encoded. */
export function randomToken(bytes: number, encoding: 'base64' | 'base64url'): string {
  if (bytes > POOL_BYTES) throw new RangeError('ask for fewer random bytes');
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString(encoding, offset, offset + bytes);
  offset += bytes;
  return token;
}
