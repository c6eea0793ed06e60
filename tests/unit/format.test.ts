import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatPercent, parseVietnameseDate } from "@/lib/format";
import { slugify } from "@/lib/slug";

describe("vi-VN formatting", () => {
  it.each([
    [5177, 0, "5.177"],
    [17.234, 2, "17,23"],
    [16.2, 1, "16,2"],
    [1000000, 0, "1.000.000"],
  ])("formatNumber(%s, %s) = %s", (value, digits, expected) => {
    expect(formatNumber(value, digits)).toBe(expected);
  });

  it("writes percentages as reports do", () => {
    expect(formatPercent(58.2)).toBe("58,2%");
    expect(formatPercent(72)).toBe("72,0%");
  });

  it("writes dates day/month/year without leading zeros", () => {
    expect(formatDate(new Date(Date.UTC(2020, 5, 26)))).toBe("26/6/2020");
  });

  it("shows instants in Vietnam time", () => {
    // 03:14 UTC is 10:14 in Hà Nội
    expect(formatDateTime(new Date(Date.UTC(2023, 8, 6, 3, 14)))).toBe("10:14 6/9/2023");
  });

  it("parses Vietnamese dates and rejects impossible ones", () => {
    expect(parseVietnameseDate("17/7/2020")?.toISOString()).toBe("2020-07-17T00:00:00.000Z");
    expect(parseVietnameseDate("31/02/2023")).toBeNull();
    expect(parseVietnameseDate("tháng 7")).toBeNull();
  });
});

describe("slugs", () => {
  it("drops Vietnamese diacritics, including đ", () => {
    expect(slugify("Hội nghị toàn quốc Văn phòng Điều phối NTM các cấp năm 2020")).toBe(
      "hoi-nghi-toan-quoc-van-phong-dieu-phoi-ntm-cac-cap-nam-2020",
    );
  });
  it("cuts long titles at a word boundary", () => {
    const slug = slugify("Nông thôn mới ".repeat(20), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith("-")).toBe(false);
  });
});
