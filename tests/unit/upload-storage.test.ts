// An upload whose write fails part-way (a full disk) leaves no file behind. The failure is a real
// one: the write runs in a child process whose file-size limit (ulimit -f) stops it after 32 KB
// with EFBIG, as a disk with 32 KB left would stop it with ENOSPC.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "ntm-upload-storage-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const filesUnder = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));

/** Runs writeUpload of `size` bytes in a child process with `ulimit -f <blocks>` (512-byte blocks). */
function writeInChild(size: number, limitBlocks: number | "unlimited") {
  const script = `
    import { writeUpload } from ${JSON.stringify(resolve("lib/files/storage.ts"))};
    try {
      const file = await writeUpload(new Uint8Array(${size}).fill(0x25), "pdf");
      console.log(JSON.stringify({ ok: true, path: file.path }));
    } catch (err) {
      console.log(JSON.stringify({ ok: false, code: err.code }));
    }`;
  const r = spawnSync("bash", ["-c", `ulimit -f ${limitBlocks} && exec "$0" --import tsx --input-type=module -e "$1"`, process.execPath, script], {
    env: { ...process.env, UPLOAD_DIR: dir },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { ok: true; path: string } | { ok: false; code: string };
}

describe("writeUpload", { timeout: 60_000 }, () => {
  it("a write stopped part-way by the disk leaves nothing under the upload folder", () => {
    const result = writeInChild(1024 * 1024, 64);
    expect(result).toEqual({ ok: false, code: "EFBIG" });
    expect(filesUnder(dir)).toEqual([]);
  });

  it("the same write with room enough stores the whole file under its key, and nothing else", () => {
    const result = writeInChild(1024 * 1024, "unlimited");
    expect(result.ok).toBe(true);
    const path = (result as { path: string }).path;
    expect(filesUnder(dir)).toEqual([path]);
    expect(path).toMatch(/\/\d{4}\/\d{2}\/[0-9a-f]{32}\.pdf$/);
    expect(readFileSync(path)).toEqual(Buffer.alloc(1024 * 1024, 0x25));
  });
});
