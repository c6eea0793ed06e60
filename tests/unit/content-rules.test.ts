// Pure rules of the editor: slugs, publication states, Vietnam times, and the forms' checks.
import { describe, expect, it } from "vitest";
import { ZDocument } from "@/lib/documents/schemas";
import { parseInput } from "@/lib/forms";
import { AppError } from "@/lib/errors";
import { displayStatus, isPublic, nextPublishState } from "@/lib/content/publishing";
import { parseVietnamDateTime, toVietnamDateTimeInput, ZPublish } from "@/lib/content/schemas";
import { pickUniqueSlug } from "@/lib/content/slugs";
import { ZArticle } from "@/lib/news/schemas";
import { ZNotice, ZNoticeTask } from "@/lib/notices/schemas";
import { isSlugShaped, MAX_SLUG_LENGTH, slugify } from "@/lib/slug";

describe("slugs", () => {
  it("are made from Vietnamese titles without diacritics", () => {
    expect(slugify("Đẩy mạnh xây dựng Nông thôn mới kiểu mẫu năm 2025!")).toBe("day-manh-xay-dung-nong-thon-moi-kieu-mau-nam-2025");
    expect(slugify("58/TB-UBND Kết luận của Phó Chủ tịch")).toBe("58-tb-ubnd-ket-luan-cua-pho-chu-tich");
  });

  it.each([
    ["free base is kept", "nong-thon-moi", [], "nong-thon-moi"],
    ["taken base gets -2", "nong-thon-moi", ["nong-thon-moi"], "nong-thon-moi-2"],
    ["-2 taken gives -3", "nong-thon-moi", ["nong-thon-moi", "nong-thon-moi-2"], "nong-thon-moi-3"],
    ["a gap is filled first", "nong-thon-moi", ["nong-thon-moi", "nong-thon-moi-3"], "nong-thon-moi-2"],
    ["other slugs sharing the prefix do not count", "nong-thon", ["nong-thon-moi"], "nong-thon"],
    ["an empty base falls back to a generic slug", "", [], "noi-dung"],
  ] as const)("%s", (_name, base, taken, expected) => {
    expect(pickUniqueSlug(base, taken)).toBe(expected);
  });

  it("are recognised by their shape: every slug the portal makes, a unique suffix included, and nothing else", () => {
    const longest = `${slugify("Nông thôn mới ".repeat(20))}-12`;
    for (const made of ["nong-thon-moi", "58-tb-ubnd", longest]) expect(isSlugShaped(made), made).toBe(true);
    for (const other of ["", "Nong-thon", "nong thon", "nong--thon", "-nong", "nong-", "nông", "../etc", "a".repeat(MAX_SLUG_LENGTH + 1)]) {
      expect(isSlugShaped(other), other).toBe(false);
    }
  });
});

describe("nextPublishState", () => {
  const now = new Date("2026-11-22T03:00:00Z");
  const past = new Date("2026-01-01T00:00:00Z");
  const future = new Date("2026-11-23T01:00:00Z");

  it("publishes a draft now", () => {
    expect(nextPublishState({ status: "DRAFT", publishedAt: null }, { kind: "publish" }, now)).toEqual({ status: "PUBLISHED", publishedAt: now });
  });
  it("republishes a taken-down article with its first publication date", () => {
    expect(nextPublishState({ status: "UNPUBLISHED", publishedAt: past }, { kind: "publish" }, now)).toEqual({ status: "PUBLISHED", publishedAt: past });
  });
  it("publishes a scheduled article now, ahead of its time", () => {
    expect(nextPublishState({ status: "SCHEDULED", publishedAt: future }, { kind: "publish" }, now)).toEqual({ status: "PUBLISHED", publishedAt: now });
  });
  it("refuses to publish what is already public", () => {
    expect(nextPublishState({ status: "PUBLISHED", publishedAt: past }, { kind: "publish" }, now)).toHaveProperty("error");
    expect(nextPublishState({ status: "SCHEDULED", publishedAt: past }, { kind: "publish" }, now)).toHaveProperty("error");
  });
  it("schedules for a future time only", () => {
    expect(nextPublishState({ status: "DRAFT", publishedAt: null }, { kind: "schedule", at: future }, now)).toEqual({ status: "SCHEDULED", publishedAt: future });
    expect(nextPublishState({ status: "DRAFT", publishedAt: null }, { kind: "schedule", at: past }, now)).toEqual({ error: expect.stringContaining("sau thời điểm hiện tại") });
    expect(nextPublishState({ status: "DRAFT", publishedAt: null }, { kind: "schedule", at: now }, now)).toHaveProperty("error");
  });
  it("refuses to schedule what is public now (take it down first)", () => {
    expect(nextPublishState({ status: "PUBLISHED", publishedAt: past }, { kind: "schedule", at: future }, now)).toHaveProperty("error");
  });
  it("takes down published and scheduled content, keeping the date; a draft cannot be taken down", () => {
    expect(nextPublishState({ status: "PUBLISHED", publishedAt: past }, { kind: "unpublish" }, now)).toEqual({ status: "UNPUBLISHED", publishedAt: past });
    expect(nextPublishState({ status: "SCHEDULED", publishedAt: future }, { kind: "unpublish" }, now)).toEqual({ status: "UNPUBLISHED", publishedAt: future });
    expect(nextPublishState({ status: "DRAFT", publishedAt: null }, { kind: "unpublish" }, now)).toHaveProperty("error");
  });
  it("shows a scheduled row as published once its time has come, not before", () => {
    expect(isPublic({ status: "SCHEDULED", publishedAt: future }, now)).toBe(false);
    expect(isPublic({ status: "SCHEDULED", publishedAt: future }, new Date(future.getTime() + 1))).toBe(true);
    expect(displayStatus({ status: "SCHEDULED", publishedAt: future }, now)).toBe("SCHEDULED");
    expect(displayStatus({ status: "SCHEDULED", publishedAt: past }, now)).toBe("PUBLISHED");
    expect(isPublic({ status: "UNPUBLISHED", publishedAt: past }, now)).toBe(false);
  });
});

describe("Vietnam times of the schedule input", () => {
  it("reads a datetime-local value as Vietnam time (UTC+7)", () => {
    expect(parseVietnamDateTime("2026-11-22T08:30")?.toISOString()).toBe("2026-11-22T01:30:00.000Z");
    expect(parseVietnamDateTime("2026-11-23T06:15")?.toISOString()).toBe("2026-11-22T23:15:00.000Z");
  });
  it("refuses impossible dates and other shapes", () => {
    expect(parseVietnamDateTime("2026-02-30T08:00")).toBeNull();
    expect(parseVietnamDateTime("22/11/2026 08:00")).toBeNull();
  });
  it("writes an instant back as the value of the input", () => {
    expect(toVietnamDateTimeInput(new Date("2026-11-22T23:15:00Z"))).toBe("2026-11-23T06:15");
  });
  it("asks for a valid time when scheduling", () => {
    expect(() => parseInput(ZPublish, { command: "schedule", id: "1", version: "1", publishAt: "ngày mai" })).toThrow("Dữ liệu nhập chưa hợp lệ");
  });
});

/** The Vietnamese message a form shows next to a field. */
function fieldError(schema: Parameters<typeof parseInput>[0], data: unknown, field: string): string | undefined {
  try {
    parseInput(schema, data);
  } catch (err) {
    if (err instanceof AppError) return err.fieldErrors?.[field]?.[0];
    throw err;
  }
  return undefined;
}

describe("form checks answer in Vietnamese next to the field", () => {
  const notice = { number: "58/TB-UBND", title: "Kết luận", bodyHtml: "<p>x</p>", issuedDate: "2020-07-06", issuingBody: "UBND tỉnh Thái Nguyên" };

  it("an article needs a title", () => {
    expect(fieldError(ZArticle, { title: "   ", bodyHtml: "<p>x</p>" }, "title")).toBe("Nhập tiêu đề bài viết.");
    expect(fieldError(ZArticle, { bodyHtml: "<p>x</p>" }, "title")).toBe("Nhập tiêu đề bài viết.");
  });
  it("a source address must be http(s)", () => {
    expect(fieldError(ZArticle, { title: "T", sourceUrl: "javascript:alert(1)" }, "sourceUrl")).toContain("http");
  });
  it.each(["58/TB-UBND", "3691/TB-VPUBND", "51/2025/QĐ-TTg", "1600/QĐ-TTg"])("accepts the notice number %s", (number) => {
    expect(fieldError(ZNotice, { ...notice, number }, "number")).toBeUndefined();
  });
  it.each(["58", "TB-UBND", "58-TB-UBND", "/TB-UBND", "58/"])("refuses the notice number %s (no “/” between number and symbol)", (number) => {
    expect(fieldError(ZNotice, { ...notice, number }, "number")).toMatch(/dấu “\/”|Nhập số hiệu/);
  });
  it("a meeting after the issue date is refused", () => {
    expect(fieldError(ZNotice, { ...notice, meetingDate: "2020-07-07" }, "meetingDate")).toBe("Ngày họp phải trước hoặc cùng ngày ban hành.");
  });
  it("a task needs its number, content and assignee", () => {
    expect(fieldError(ZNoticeTask, { noticeId: "1", number: "", content: "x", assigneeOrgId: "3" }, "number")).toContain("Nhập số thứ tự");
    expect(fieldError(ZNoticeTask, { noticeId: "1", number: "2.1", content: "", assigneeOrgId: "3" }, "content")).toBe("Nhập nội dung nhiệm vụ.");
    expect(fieldError(ZNoticeTask, { noticeId: "1", number: "2.1", content: "x", assigneeOrgId: "" }, "assigneeOrgId")).toBe("Chọn đơn vị chủ trì.");
  });
  it("a document takes effect on or after its issue date", () => {
    const doc = { number: "318/QĐ-TTg", title: "T", docType: "Quyết định", issuer: "Thủ tướng", issuedDate: "2022-03-08", summary: "S" };
    expect(fieldError(ZDocument, { ...doc, effectiveDate: "2022-03-01" }, "effectiveDate")).toBe("Ngày hiệu lực không được trước ngày ban hành.");
    expect(fieldError(ZDocument, { ...doc, docType: "Tin đồn" }, "docType")).toBe("Chọn loại văn bản.");
  });
});
