// Several instances on one PostgreSQL (README "Mở rộng"), as an operator runs them: two `npm start`
// started at the same moment on one empty database (DATABASE_URL), both from the one build this
// run made. Whatever one instance writes, the other shows within 2 s — the shared cache hears every
// expiration through PostgreSQL (lib/cache/shared-cache-handler.mjs); a file uploaded through one
// downloads from the other; a session opened on one is valid on the other.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { buildIsCurrent } from "../../scripts/lib/build";
import { freePort } from "../../scripts/lib/ports";
import { dropDatabase } from "../../scripts/lib/postgres";
import { freshDatabase } from "../production";
import { login } from "./helpers";

const SPREAD_MS = 2_000;
const COVER = "tests/fixtures/upload-files/anh-chup.jpg";
let dbName = "";

interface Instance {
  base: string;
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` on the shared database, resolved once it says it is ready. */
async function startInstance(url: string, port: number): Promise<Instance> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: "scale-out-secret-shared-by-every-instance" };
  delete env.E2E_DATABASE_URL;
  const proc = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => (/Nhấn Ctrl-C để dừng/.test(output) ? resolve(true) : setTimeout(check, 100));
      check();
    }),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`npm start on port ${port} ended before it was ready:\n${output}`);
  return { base: `http://localhost:${port}`, proc, output: () => output, exited };
}

let a: Instance;
let b: Instance;

/** Polls `check` until it holds; the time it took, in ms. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await check()) return performance.now() - start;
    if (performance.now() - start > ms) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const get = async (url: string) => {
  const res = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
  return { status: res.status, text: await res.text() };
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(buildIsCurrent(), "the production build is older than the sources: run this through `npm test -- e2e`").toBe(true);
  const fresh = await freshDatabase(process.env.TEST_ADMIN_URL!, process.env.E2E_DATABASE_URL!);
  dbName = fresh.name;
  const url = fresh.url;
  const [portA, portB] = [await freePort(), await freePort()];
  // at the same moment, on an empty database: one migrates and seeds, the other waits for it (setup lock)
  [a, b] = await Promise.all([startInstance(url, portA), startInstance(url, portB)]);
});

test.afterAll(async () => {
  for (const i of [a, b]) {
    if (!i) continue;
    try {
      process.kill(-i.proc.pid!, "SIGTERM");
    } catch {
      // gone
    }
    await Promise.race([i.exited, new Promise((r) => setTimeout(r, 15_000))]);
    try {
      process.kill(-i.proc.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
  if (dbName) await dropDatabase(process.env.TEST_ADMIN_URL!, dbName).catch(() => {});
});

test("two instances started at once on an empty database both come up, one having set it up", async () => {
  const seeded = [a, b].filter((i) => /Cơ sở dữ liệu trống: nạp/.test(i.output()));
  expect(seeded.length, `exactly one seeded:\n--- A ---\n${a.output()}\n--- B ---\n${b.output()}`).toBe(1);
  for (const i of [a, b]) expect((await get(`${i.base}/`)).status).toBe(200);
});

test("an article published through one instance is on the other's article page, list, RSS and home within 2 s, its cover served by the other", async ({ page }) => {
  const title = `Hai máy chủ, một cơ sở dữ liệu ${Date.now()}`;
  // the other instance has the public pages cached before the publish
  for (const path of ["/", "/tin-tuc", "/rss.xml"]) {
    for (let i = 0; i < 2; i++) expect((await get(`${b.base}${path}`)).text).not.toContain(title);
  }
  await login(page, "bientap@ntm.demo", undefined, a.base);
  await page.goto(`${a.base}/quan-ly/tin-bai/moi`);
  await page.getByLabel("Tiêu đề").fill(title);
  await page.getByLabel("Tóm tắt (sapo)").fill("Bài đăng qua máy chủ thứ nhất, đọc qua máy chủ thứ hai.");
  await page.getByLabel(/^Nội dung/).fill("<p>Hai máy chủ dùng chung một cơ sở dữ liệu.</p>");
  await page.getByLabel("Ảnh đại diện").setInputFiles(COVER);
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page).toHaveURL(/\/quan-ly\/tin-bai\/\d+\?da-tao=1$/);
  await page.getByRole("button", { name: "Đăng ngay" }).click();
  await expect(page.getByTestId("publish-message")).toHaveText("Đã cập nhật trạng thái đăng.");
  const slug = (await page.locator('a[href^="/tin-tuc/"][target="_blank"]').getAttribute("href"))!.split("/").pop()!;
  const seen: Record<string, number> = {};
  for (const path of [`/tin-tuc/${slug}`, "/tin-tuc", "/rss.xml", "/"]) {
    seen[path] = await within(SPREAD_MS, `${path} on the other instance`, async () => (await get(`${b.base}${path}`)).text.includes(title));
  }
  // the cover, uploaded through A, comes from B byte for byte (files live in PostgreSQL)
  const cover = await page.locator('a[href^="/api/tep/"]').first().getAttribute("href");
  const fromB = await fetch(`${b.base}${cover}`);
  expect(fromB.status, `${cover} from the other instance`).toBe(200);
  expect(Buffer.from(await fromB.arrayBuffer()).equals(readFileSync(COVER)), "the same bytes").toBe(true);
  console.log(`scale-out: publish seen on the other instance after ${Object.entries(seen).map(([p, ms]) => `${p} ${ms.toFixed(0)} ms`).join(", ")}`);
});

/** The criteria met of a commune in the dashboard's communes table ("Kết quả các xã", as downloaded). */
async function criteriaMetOnDashboard(page: Page, base: string, commune: string): Promise<number> {
  const res = await page.request.get(`${base}/api/bang/xa?nam=2025`);
  expect(res.status()).toBe(200);
  const rows = parse(await res.text(), { bom: true, relax_column_count: true }) as string[][];
  const row = rows.find((r) => r[0] === commune);
  expect(row, `${commune} in the communes table`).toBeTruthy();
  return Number(row![1]);
}

test("a criterion saved through one instance moves the other's dashboard within 2 s, with a session opened on the other", async ({ browser }) => {
  // the province officer signs in on B only; the browser sends the same session cookie to A
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "tinh@ntm.demo", undefined, b.base);
  const before = await criteriaMetOnDashboard(page, b.base, "Xã Bàn Đạt");

  // the commune's page rendered by A, its save (a server action) answered by A
  await page.goto(`${a.base}/quan-ly/xa?nam=2025`);
  await page.getByRole("link", { name: "Xã Bàn Đạt", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Bàn Đạt");
  const open = page.locator("details[data-testid^='criterion-'][open]").first();
  const number = (await open.getAttribute("data-testid"))!.replace("criterion-", "");
  await open.getByLabel("Kết quả tiêu chí").selectOption("MET");
  await open.getByLabel("Lý do điều chỉnh (bắt buộc)").fill("Kiểm thử hai máy chủ: điều chỉnh kết quả.");
  await open.getByRole("button", { name: `Lưu tiêu chí ${number}` }).click();
  await expect(page.getByTestId(`criterion-${number}-message`)).toContainText("Đã lưu");

  const ms = await within(SPREAD_MS, "the dashboard of the other instance", async () => (await criteriaMetOnDashboard(page, b.base, "Xã Bàn Đạt")) === before + 1);
  console.log(`scale-out: criterion save seen on the other instance's dashboard after ${ms.toFixed(0)} ms`);
  await context.close();
});
