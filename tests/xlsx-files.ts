// Spreadsheets made byte by byte for the upload tests and `npm run bench -- upload-abuse`: a
// minimal valid .xlsx around any worksheet XML, streamed through deflate so that a sheet of
// hundreds of MB (a zip bomb) is built without holding it in memory.
import { crc32, createDeflateRaw } from "node:zlib";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006";

interface Entry {
  name: string;
  crc: number;
  size: number;
  data: Buffer;
}

/** Deflates the parts as they come, counting the inflated size and its CRC. */
async function deflateEntry(name: string, parts: Iterable<string | Buffer>, level: number): Promise<Entry> {
  const deflate = createDeflateRaw({ level });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (const part of parts) {
    const buf = typeof part === "string" ? Buffer.from(part) : part;
    crc = crc32(buf, crc);
    size += buf.length;
    if (!deflate.write(buf)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await ended;
  if (size >= 2 ** 32) throw new Error("entries of 4 GB or more need zip64");
  return { name, crc, size, data: Buffer.concat(out) };
}

/** A zip of deflated entries (no zip64, no data descriptors); level 9 packs a bomb smallest. */
export async function zipOf(files: { name: string; parts: Iterable<string | Buffer> }[], level = 9): Promise<Buffer> {
  const entries: Entry[] = [];
  for (const f of files) entries.push(await deflateEntry(f.name, f.parts, level));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1/1/1980
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A one-sheet workbook whose worksheet XML is `sheetData` inside <sheetData>; `extra` adds parts. */
export function xlsxOf(sheetData: Iterable<string | Buffer>, opts: { extra?: { name: string; parts: Iterable<string | Buffer> }[]; level?: number } = {}): Promise<Buffer> {
  function* sheet() {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
    yield* sheetData;
    yield "</sheetData></worksheet>";
  }
  return zipOf([
    {
      name: "[Content_Types].xml",
      parts: [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${PKG}/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ],
    },
    { name: "_rels/.rels", parts: [`<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`] },
    { name: "xl/workbook.xml", parts: [`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`] },
    { name: "xl/_rels/workbook.xml.rels", parts: [`<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`] },
    { name: "xl/worksheets/sheet1.xml", parts: sheet() },
    ...(opts.extra ?? []),
  ], opts.level);
}

/** `count` copies of `unit`, in blocks of about 1 MB. */
export function* repeated(unit: string, count: number): Generator<Buffer> {
  const perBlock = Math.max(1, Math.floor(2 ** 20 / unit.length));
  const block = Buffer.from(unit.repeat(perBlock));
  let left = count;
  for (; left >= perBlock; left -= perBlock) yield block;
  if (left > 0) yield Buffer.from(unit.repeat(left));
}

/**
 * A zip bomb that is a valid spreadsheet: a worksheet of `megabytes` MB of identical rows, each one
 * cell of `cellBytes` zeros (0: a number), which deflate packs several hundred to one. The default,
 * 300 MB of ~19,000 rows, is ~350 KB; with `cellBytes: 0` it is ~10 million rows in ~750 KB.
 */
export function rowBomb(opts: { megabytes?: number; cellBytes?: number } = {}): Promise<Buffer> {
  const { megabytes = 300, cellBytes = 16_384 } = opts;
  const row = cellBytes > 0 ? `<row><c t="inlineStr"><is><t>${"0".repeat(cellBytes)}</t></is></c></row>` : `<row><c t="n"><v>1</v></c></row>`;
  return xlsxOf(repeated(row, Math.floor((megabytes * 2 ** 20) / row.length)));
}
