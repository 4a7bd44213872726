// Gzip for a body made of fixed parts joined by a short per-visitor value (a kept page and its CSRF
// token), without compressing the whole body for every answer (issue 10). Each part is deflated
// once, ending on a sync flush: byte-aligned, not final. Per answer, the value goes between the
// parts as a stored (uncompressed) block, an empty final block closes the stream, and the gzip
// trailer gets the CRC-32 and length of the whole body (RFC 1951 §3.2.3-4, RFC 1952 §2.3).
import { constants, crc32, deflateRawSync } from 'node:zlib';

// ID1 ID2, CM = deflate, no flags, no mtime, no extra flags, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// BFINAL = 1, BTYPE = 01 (fixed Huffman), then the end-of-block code: seven zero bits.
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
const MAX_STORED_BLOCK = 0xffff;

/**
 * Returns the gzip encoding of the parts joined by `joint` (UTF-8) for any `joint`, doing the
 * deflate work now. There is at least one part, as `String.split` always gives.
 */
export function prepareJoinedGzip(raw: readonly Buffer[]): (joint: string) => Buffer {
  if (raw.length === 0) throw new RangeError('at least one part');
  const deflated = raw.map((part) => deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH }));
  const partsLength = raw.reduce((n, part) => n + part.length, 0);
  return (joint) => {
    const jointBytes = Buffer.from(joint, 'utf8');
    if (jointBytes.length > MAX_STORED_BLOCK) throw new RangeError('the joint is too long for one block');
    // A sync flush leaves the stream byte-aligned, so the stored block's 3 header bits and their
    // padding are one zero byte (not final, type 00), then LEN and its one's complement.
    const stored = Buffer.allocUnsafe(5 + jointBytes.length);
    stored.writeUInt8(0, 0);
    stored.writeUInt16LE(jointBytes.length, 1);
    stored.writeUInt16LE(~jointBytes.length & 0xffff, 3);
    jointBytes.copy(stored, 5);

    const chunks: Buffer[] = [GZIP_HEADER];
    let crc = 0;
    for (let i = 0; i < raw.length; i += 1) {
      if (i > 0) {
        chunks.push(stored);
        crc = continueCrc(jointBytes, crc);
      }
      chunks.push(deflated[i]!);
      crc = continueCrc(raw[i]!, crc);
    }
    const trailer = Buffer.allocUnsafe(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    // ISIZE is the body's length modulo 2^32.
    trailer.writeUInt32LE((partsLength + (raw.length - 1) * jointBytes.length) >>> 0, 4);
    chunks.push(FINAL_EMPTY_BLOCK, trailer);
    return Buffer.concat(chunks);
  };
}

/** zlib's crc32 answers 0 for a buffer without memory (an empty one, sometimes): skip those. */
function continueCrc(bytes: Buffer, crc: number): number {
  return bytes.length === 0 ? crc : crc32(bytes, crc);
}
