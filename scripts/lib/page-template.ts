// A cached page with holes where each response's CSP nonce goes (scripts/lib/response-cache.ts),
// kept ready to send both plain and gzipped. Compressing a 40 KB article again for every response
// costs more than everything else the server does for it; here the page is compressed once, with
// each nonce in a stored (uncompressed) deflate block of its own, so a response is a copy of the
// compressed bytes with its nonce written in and the CRC of the gzip trailer put right.
//
// Why any nonce may be written into the stored blocks: each stretch between two nonces is
// compressed on its own, with the page before it as its dictionary, but with every nonce in that
// dictionary zero-filled. A back-reference can only copy bytes equal to the ones being compressed,
// and a stretch never contains a zero byte when it has a dictionary (one that does is compressed
// without one), so no reference can reach into a nonce: what the nonce is does not matter.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** deflate's window: a back-reference reaches at most this far. */
const WINDOW = 32 * 1024;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** the empty final block that ends the deflate stream */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

export class PageTemplate {
  private constructor(
    /** the page with its holes zero-filled */
    private readonly plainBytes: Buffer,
    private readonly plainHoles: number[],
    /** the gzip member, its holes zero-filled and its CRC still to be written */
    private readonly gzipBytes: Buffer,
    private readonly gzipHoles: number[],
    private readonly holeLength: number,
    /** CRC-32 of the zero-filled page */
    private readonly zeroCrc: number,
    /** CRC-32 of one hole's zero bytes */
    private readonly zeroHoleCrc: number,
    /** how a nonce's bytes move the CRC, from every hole at once (see crcWith) */
    private readonly holeShift: number,
  ) {}

  /** The template of `page`, whose every occurrence of `placeholder` becomes a hole. */
  static of(page: Buffer, placeholder: Buffer): PageTemplate {
    const n = placeholder.length;
    if (n === 0 || n > 0xffff) throw new Error("placeholder must be 1–65535 bytes");
    const plainHoles: number[] = [];
    for (let i = page.indexOf(placeholder); i !== -1; i = page.indexOf(placeholder, i + n)) plainHoles.push(i);
    const plain = Buffer.from(page);
    for (const at of plainHoles) plain.fill(0, at, at + n);

    const parts: Buffer[] = [GZIP_HEADER];
    let size = GZIP_HEADER.length;
    const gzipHoles: number[] = [];
    let start = 0;
    for (const at of [...plainHoles, plain.length]) {
      const stretch = plain.subarray(start, at);
      if (stretch.length) {
        const dictionary = plain.subarray(Math.max(0, start - WINDOW), start);
        const useDictionary = dictionary.length > 0 && !stretch.includes(0);
        const block = deflateRawSync(stretch, { finishFlush: constants.Z_SYNC_FLUSH, ...(useDictionary ? { dictionary } : {}) });
        parts.push(block);
        size += block.length;
      }
      if (at < plain.length) {
        // a stored block: header byte (not final, type 0; the stream is byte-aligned after a sync
        // flush), LEN and its complement, then the bytes as they are
        const stored = Buffer.alloc(5 + n);
        stored.writeUInt16LE(n, 1);
        stored.writeUInt16LE(~n & 0xffff, 3);
        gzipHoles.push(size + 5);
        parts.push(stored);
        size += stored.length;
      }
      start = at + n;
    }
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(plain.length >>> 0, 4);
    parts.push(FINAL_BLOCK, trailer);

    let holeShift = 0;
    for (const at of plainHoles) holeShift ^= zerosShift(plain.length - at - n);
    return new PageTemplate(plain, plainHoles, Buffer.concat(parts), gzipHoles, n, crc32(plain), crc32(Buffer.alloc(n)), holeShift);
  }

  /** the memory it holds: the page and its gzip form */
  get bytes(): number {
    return this.plainBytes.length + this.gzipBytes.length;
  }

  /** The page with `nonce` in every hole. */
  plain(nonce: Buffer): Buffer {
    return this.filled(this.plainBytes, this.plainHoles, nonce);
  }

  /** The gzip member of the page with `nonce` in every hole. */
  gzip(nonce: Buffer): Buffer {
    const out = this.filled(this.gzipBytes, this.gzipHoles, nonce);
    out.writeUInt32LE(this.crcWith(nonce), out.length - 8);
    return out;
  }

  private filled(bytes: Buffer, holes: number[], nonce: Buffer): Buffer {
    if (nonce.length !== this.holeLength) throw new Error("nonce and placeholder must have the same length");
    const out = Buffer.from(bytes);
    for (const at of holes) nonce.copy(out, at);
    return out;
  }

  /**
   * CRC-32 of the page with `nonce` in its holes, without reading the page: CRC-32 is linear, so
   * it is the zero-filled page's CRC plus, for each hole, the nonce's own contribution carried
   * through the zero bytes after it — the same nonce everywhere, so one product for all holes.
   */
  private crcWith(nonce: Buffer): number {
    if (!this.plainHoles.length) return this.zeroCrc;
    const ownPart = (crc32(nonce) ^ this.zeroHoleCrc) >>> 0;
    return (this.zeroCrc ^ multModP(this.holeShift, ownPart)) >>> 0;
  }
}

// CRC-32 arithmetic modulo its polynomial, in zlib's reflected bit order (zlib's crc32.c:
// multmodp, x2nmodp), for crc32_combine without its per-call cost.
const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) mod P, for k = 0..31 */
const X2N = (() => {
  const table = [0x40000000];
  for (let k = 1; k < 32; k++) table.push(multModP(table[k - 1], table[k - 1]));
  return table;
})();

/** The factor that carries a CRC through `bytes` zero bytes (x^(8·bytes) mod P). */
function zerosShift(bytes: number): number {
  let p = 0x80000000;
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n & 1) p = multModP(X2N[k & 31], p);
  return p;
}
