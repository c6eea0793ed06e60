import { describe, expect, it } from "vitest";
import { formatFileSize } from "@/lib/format";
import { pageCount, pageNumber, queryValue } from "@/lib/paging";
import { describe as metaDescription, pageMetadata } from "@/lib/site/metadata";

describe("helpers of the public pages", () => {
  it.each([
    [undefined, 1],
    ["2", 2],
    [["3", "4"], 3],
    ["0", 1],
    ["-1", 1],
    ["2abc", 1],
    ["1e3", 1],
    ["99999999", 1],
  ])("page number of %j is %s", (raw, page) => {
    expect(pageNumber(raw as string | string[] | undefined)).toBe(page);
  });

  it("counts at least one page", () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(21, 10)).toBe(3);
  });

  it("reads one trimmed value of the query string", () => {
    expect(queryValue(["  a ", "b"])).toBe("a");
    expect(queryValue("   ")).toBeUndefined();
  });

  it.each([
    [512, "512 byte"],
    [850 * 1024, "850 KB"],
    [1.25 * 1024 * 1024, "1,3 MB"],
    [null, "–"],
  ])("file size %s → %s", (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });

  it("a meta description is one line of at most 200 characters, cut at a word", () => {
    const d = metaDescription(`${"Nông thôn mới ".repeat(30)}\n kết thúc`);
    expect(d.length).toBeLessThanOrEqual(200);
    expect(d.endsWith("…")).toBe(true);
    expect(d).not.toContain("\n");
    expect(metaDescription("  Ngắn  gọn ")).toBe("Ngắn gọn");
  });

  it("every page's metadata carries its description, canonical address and OpenGraph", () => {
    const m = pageMetadata({ title: "Tin", description: "Mô tả", path: "/tin-tuc/x", type: "article", publishedTime: new Date(Date.UTC(2020, 5, 26)) });
    expect(m.description).toBe("Mô tả");
    expect(m.alternates?.canonical).toBe("/tin-tuc/x");
    expect(m.openGraph).toMatchObject({ title: "Tin", description: "Mô tả", url: "/tin-tuc/x", locale: "vi_VN", type: "article", publishedTime: "2020-06-26T00:00:00.000Z" });
  });
});
