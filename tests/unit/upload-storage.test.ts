// How an upload is cut for the database (StoredFileChunk): pieces of CHUNK_BYTES in order, the
// last one shorter, together exactly the file; and the random name each file gets, whose
// extension is the kind the checks found. Writing and reading them back: tests/integration/file-storage.test.ts.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, newStorageKey, splitIntoChunks, STORAGE_KEY } from "@/lib/files/storage";

describe("splitIntoChunks", () => {
  it.each([
    ["an empty file", 0, 0],
    ["one byte", 1, 1],
    ["one byte short of a chunk", CHUNK_BYTES - 1, 1],
    ["exactly one chunk", CHUNK_BYTES, 1],
    ["one byte over a chunk", CHUNK_BYTES + 1, 2],
    ["5 MB", 5 * 1024 * 1024, 20],
    ["20 MB and a bit", 20 * 1024 * 1024 + 7, 81],
  ])("%s: %i bytes in %i chunks, in order, together the whole file", (_label, size, count) => {
    const bytes = randomBytes(size);
    const chunks = splitIntoChunks(bytes);
    expect(chunks.length).toBe(count);
    expect(chunks.map((c) => c.seq)).toEqual([...Array(count).keys()]);
    for (const c of chunks.slice(0, -1)) expect(c.bytes.length).toBe(CHUNK_BYTES);
    expect(Buffer.concat(chunks.map((c) => c.bytes)).equals(bytes)).toBe(true);
  });

  it("cuts a view into the middle of a larger buffer without reading outside it", () => {
    const outer = randomBytes(3 * CHUNK_BYTES);
    const inner = outer.subarray(100, 100 + CHUNK_BYTES + 50);
    const chunks = splitIntoChunks(inner);
    expect(chunks.map((c) => c.bytes.length)).toEqual([CHUNK_BYTES, 50]);
    expect(Buffer.concat(chunks.map((c) => c.bytes)).equals(inner)).toBe(true);
  });
});

describe("newStorageKey", () => {
  it("is random, of the storage key shape, and ends with the kind", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newStorageKey("pdf", new Date(Date.UTC(2026, 10, 3)))));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key).toMatch(STORAGE_KEY);
      expect(key).toMatch(/^2026\/11\/[0-9a-f]{32}\.pdf$/);
    }
    expect(newStorageKey("webp")).toMatch(/\.webp$/);
  });
});
