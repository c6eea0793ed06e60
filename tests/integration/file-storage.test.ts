// Uploaded files in PostgreSQL (StoredFile + StoredFileChunk), on the real database: a file
// recorded in a transaction that then fails leaves neither row nor content; a 5 MB file comes back
// byte for byte through GET /api/tep/<id>, streamed one chunk at a time; a row whose content is
// missing (or incomplete) answers the same 404 as a file that does not exist; and the setup step
// that loads files an earlier version kept on disk loads each once, never twice.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { storedFileContent } from "@/lib/files/queries";
import { CHUNK_BYTES, newStorageKey, recordUpload } from "@/lib/files/storage";
import { setUpDatabase } from "../../scripts/lib/setup-lock";
import { loadUploadsFromDisk } from "../../scripts/lib/uploads-to-database";
import { viewerOf } from "./helpers";

// The route reads the session through getViewer; here the session is whoever the test says.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth", () => ({ getViewer: async () => session.viewer }));
const { GET } = await import("@/app/api/tep/[id]/route");

const download = (id: number) => GET(new Request(`http://localhost/api/tep/${id}`), { params: Promise.resolve({ id: String(id) }) });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const counts = async () => ({ files: await db.storedFile.count(), chunks: await db.storedFileChunk.count() });

let admin: Viewer;
const dir = mkdtempSync(join(tmpdir(), "ntm-file-storage-"));
const created: number[] = [];

beforeAll(async () => {
  admin = await viewerOf("admin@ntm.demo");
  session.viewer = admin; // a file attached to nothing: only its uploader gets it back
});

afterAll(async () => {
  await db.storedFile.deleteMany({ where: { id: { in: created } } }); // the chunks cascade
  rmSync(dir, { recursive: true, force: true });
});

/** Records `bytes` as the admin's upload, committed. */
async function stored(bytes: Uint8Array, name = "tep-thu.pdf") {
  const row = await db.$transaction((tx) => recordUpload(tx, { bytes, name, kind: "pdf", userId: admin.id }));
  created.push(row.id);
  return row;
}

/** A StoredFile row with no content, as one from the days of disk storage. */
async function rowWithoutContent(bytes: Uint8Array, key = newStorageKey("pdf")) {
  const row = await db.storedFile.create({
    data: { storageKey: key, fileName: "tep-cu.pdf", mimeType: "application/pdf", size: bytes.length, sha256: sha(bytes), uploadedById: admin.id },
  });
  created.push(row.id);
  return row;
}

describe("writing", () => {
  it("a file recorded in a transaction that then fails leaves no StoredFile and no chunk", async () => {
    const before = await counts();
    const failed = db.$transaction(async (tx) => {
      const row = await recordUpload(tx, { bytes: randomBytes(3 * CHUNK_BYTES + 10), name: "bien-ban.pdf", kind: "pdf", userId: admin.id });
      expect(await tx.storedFileChunk.count({ where: { fileId: row.id } })).toBe(4); // written, inside the transaction
      throw new Error("the save fails after the file");
    });
    await expect(failed).rejects.toThrow("the save fails after the file");
    expect(await counts()).toEqual(before);
  });
});

describe("reading", () => {
  it("a 5 MB file round-trips byte-identical through the download, streamed chunk by chunk", async () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 123);
    const row = await stored(bytes, "Báo cáo tổng hợp.pdf");
    const chunks = Math.ceil(bytes.length / CHUNK_BYTES);
    expect(chunks).toBe(21);
    expect(await db.storedFileChunk.count({ where: { fileId: row.id } })).toBe(chunks);

    const res = await download(row.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes));

    // the stream hands out one stored chunk per read, never the whole file
    const reader = (await storedFileContent(row))!.getReader();
    const sizes: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) sizes.push(r.value.length);
    expect(sizes.length).toBe(chunks);
    expect(Math.max(...sizes)).toBe(CHUNK_BYTES);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(bytes.length);
  });

  it("a row whose content is missing or incomplete answers 404, as a file that does not exist", async () => {
    const missing = await download(2_000_000_000);
    expect(missing.status).toBe(404);
    const notFound = await missing.text();

    const empty = await rowWithoutContent(randomBytes(1000));
    const noContent = await download(empty.id);
    expect(noContent.status).toBe(404);
    expect(await noContent.text()).toBe(notFound);

    const cut = await stored(randomBytes(2 * CHUNK_BYTES + 5));
    await db.storedFileChunk.delete({ where: { fileId_seq: { fileId: cut.id, seq: 2 } } });
    const incomplete = await download(cut.id);
    expect(incomplete.status).toBe(404);
    expect(await incomplete.text()).toBe(notFound);
  });
});

describe("files kept on disk by an earlier version", () => {
  /** Writes `bytes` under the old upload folder at `key`. */
  const onDisk = (key: string, bytes: Uint8Array) => {
    mkdirSync(dirname(join(dir, key)), { recursive: true });
    writeFileSync(join(dir, key), bytes);
  };

  it("are loaded by setup once, whole: a second run loads nothing and changes nothing", async () => {
    const a = randomBytes(CHUNK_BYTES * 2 + 77);
    const b = randomBytes(500);
    const changed = randomBytes(600);
    const [rowA, rowB, rowChanged, rowGone] = [await rowWithoutContent(a), await rowWithoutContent(b), await rowWithoutContent(changed), await rowWithoutContent(randomBytes(50))];
    onDisk(rowA.storageKey, a);
    onDisk(rowB.storageKey, b);
    onDisk(rowChanged.storageKey, Buffer.concat([changed.subarray(0, 599), Buffer.from("x")])); // not what was uploaded
    // a file whose content is already in the database is never written over
    const held = await stored(randomBytes(700));
    onDisk(held.storageKey, randomBytes(700));

    const logs: string[] = [];
    const previous = process.env.UPLOAD_DIR;
    process.env.UPLOAD_DIR = dir;
    try {
      await setUpDatabase(process.env.DATABASE_URL!, { seed: null, log: (m) => logs.push(m) });
    } finally {
      if (previous === undefined) delete process.env.UPLOAD_DIR;
      else process.env.UPLOAD_DIR = previous;
    }
    expect(logs).toContain(`Đã nạp 2 tệp đính kèm từ ${dir} vào cơ sở dữ liệu (có thể xóa thư mục này khi đã sao lưu).`);
    for (const [row, bytes] of [[rowA, a], [rowB, b]] as const) {
      const res = await download(row.id);
      expect(res.status).toBe(200);
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes));
    }
    expect(await db.storedFileChunk.count({ where: { fileId: rowA.id } })).toBe(3);
    expect((await download(rowChanged.id)).status).toBe(404);
    expect((await download(rowGone.id)).status).toBe(404);

    const after = await counts();
    const contentOf = async (id: number) => (await db.storedFileChunk.findMany({ where: { fileId: id }, orderBy: { seq: "asc" } })).map((c) => sha(c.bytes));
    const heldContent = await contentOf(held.id);
    const again = await loadUploadsFromDisk(process.env.DATABASE_URL!, dir);
    expect(again.loaded).toBe(0);
    expect(again.changed).toEqual([rowChanged.storageKey]);
    expect(again.missing).toContain(rowGone.storageKey);
    expect(await counts()).toEqual(after);
    expect(await contentOf(held.id)).toEqual(heldContent);
  });
});
