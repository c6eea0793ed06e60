import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  findDeadline,
  parseConclusionNotice,
  parseNewsArticle,
  summarise,
  type ParsedTask,
} from "@/lib/content/seed-articles";
import { formatDate, formatDateTime } from "@/lib/format";

// The five real pages of prisma/data/seed-articles become the portal's sample content: page
// chrome goes, bylines become fields, notices yield their numbered tasks.

const read = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../prisma/data/seed-articles/${file}`, import.meta.url)), "utf8");

const F000 = "000_c2a37f5448b21177.txt";
const F001 = "001_7c20399e720dfcdf.txt";
const F002 = "002_17b9713b43f896ca.txt";
const F003 = "003_6deb4bd0ed896e8b.txt";
const F004 = "004_feb9eb52b2a79e80.txt";

const a000 = parseNewsArticle(read(F000), { file: F000 });
const a001 = parseNewsArticle(read(F001), { file: F001 });
const a004 = parseNewsArticle(read(F004), { file: F004, year: 2022 });
const n002 = parseConclusionNotice(read(F002), { file: F002, province: "Quảng Bình" });
const n003 = parseConclusionNotice(read(F003), { file: F003 });

const articles = { "000": a000, "001": a001, "004": a004 };
const bodies = [
  ["000", a000.bodyHtml],
  ["001", a001.bodyHtml],
  ["002", n002.bodyHtml],
  ["003", n003.bodyHtml],
  ["004", a004.bodyHtml],
] as const;

const task = (tasks: ParsedTask[], number: string) => {
  const t = tasks.find((x) => x.number === number);
  if (!t) throw new Error(`no task ${number}`);
  return t;
};

describe("news articles from the seed pages", () => {
  it.each([
    ["000", "Hội nghị toàn quốc Văn phòng Điều phối NTM các cấp năm 2020"],
    ["001", "Nông thôn mới phải góp phần nâng cao đời sống của người dân"],
    ["004", "Hội nghị trực tuyến triển khai Chương trình Mục tiêu quốc gia XDNTM giai đoạn 2021 - 2025"],
  ] as const)("%s has its headline as title", (key, title) => {
    expect(articles[key].title).toBe(title);
  });

  it.each([
    // 000: the date in the lead; 001: the page's posting time; 004: "17/11" + the README's year
    ["000", "00:00 29/5/2020"],
    ["001", "14:31 26/6/2020"],
    ["004", "00:00 17/11/2022"],
  ] as const)("%s is published at %s Vietnam time", (key, shown) => {
    expect(formatDateTime(articles[key].publishedAt)).toBe(shown);
  });

  it("stores 26-06-2020 14:31 as the instant 07:31 UTC", () => {
    expect(a001.publishedAt.toISOString()).toBe("2020-06-26T07:31:00.000Z");
  });

  it.each([
    ["000", "Huỳnh Vũ Thùy Nhi", "VPĐP NTM tỉnh"],
    ["001", "Xuân Huy", "thainguyen.gov.vn"],
    ["004", null, "Baocaobang.vn"],
  ] as const)("%s keeps its byline as author %s and source %s", (key, author, source) => {
    expect(articles[key].author).toBe(author);
    expect(articles[key].source).toBe(source);
  });

  it("cuts the author glued after ./. off the last sentence of 000", () => {
    expect(a000.bodyHtml).toMatch(/tại địa phương\.\/\.<\/p>$/);
    expect(a000.bodyHtml).not.toContain("Huỳnh Vũ Thùy Nhi");
    expect(a000.bodyHtml).not.toContain("VPĐP NTM tỉnh<");
  });

  it("drops the byline lines from the bodies", () => {
    expect(a001.bodyHtml).not.toContain("Nguồn:");
    expect(a001.bodyHtml).not.toContain("Xuân Huy");
    expect(a004.bodyHtml).not.toContain("Theo Baocaobang.vn");
  });

  it("keeps image captions as paragraphs", () => {
    expect(a004.bodyHtml).toContain("<p>Các đại biểu dự hội nghị tại điểm cầu Cao Bằng.</p>");
    expect(a001.bodyHtml).toContain("<p>Đồng chí Dương Văn Lượng, Phó Chủ tịch UBND tỉnh đề nghị");
  });

  it("reads the page's view counter where it shows one", () => {
    expect(a004.viewCount).toBe(86);
    expect(a000.viewCount).toBeNull();
  });

  it("summarises with the lead paragraph, at most 300 characters", () => {
    expect(a000.summary.startsWith("Ngày 29/5/2020, tại thành phố Đông Hà")).toBe(true);
    for (const a of Object.values(articles)) expect(a.summary.length).toBeLessThanOrEqual(300);
  });

  it("needs a year for a date written as day/month only", () => {
    expect(() => parseNewsArticle(read(F004), { file: F004 })).toThrow(/year/);
  });
});

describe("page leftovers never reach a body", () => {
  const leftovers = [
    "Thống kê truy cập",
    "Đăng nhập",
    "Truy cập nội dung",
    "No title",
    "Lượt xem",
    "Lượt truy cập",
    "Tin mới",
    "Đang online",
    "Đang truy cập",
    "Tổng truy cập",
    "Hôm nay:",
    "Trong tuần",
    "Tất cả:",
    "68127",
    "2883081",
    "KHEN THƯỞNG",
    "Số 163 , đường 21/8",
    "(0259) 3522063",
    "vpdpninhthuan@gmail.com",
    "TRANG THÔNG TIN ĐIỆN TỬ",
    "Chịu trách nhiệm nội dung",
    "Các tin khác",
    "Footer Quảng Bình",
    "Chi tiết bài viết",
    "Quang Binh Potal",
    "10:14, Thứ Tư",
  ];
  it.each(bodies)("%s is clean", (_key, html) => {
    for (const text of leftovers) expect(html).not.toContain(text);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("**");
    expect(html).not.toMatch(/(^|[^<])\*[^*]+\*/);
  });
});

describe("conclusion notices", () => {
  it.each([
    ["002", n002, "3691/TB-VPUBND", "2023-09-06", "2023-08-24", "Văn phòng UBND tỉnh Quảng Bình"],
    ["003", n003, "58/TB-UBND", "2020-07-06", "2020-06-26", "UBND tỉnh Thái Nguyên"],
  ] as const)("%s is number %s issued %s after the meeting of %s by %s", (_k, n, number, issued, meeting, body) => {
    expect(n.number).toBe(number);
    expect(n.issuedDate.toISOString().slice(0, 10)).toBe(issued);
    expect(n.meetingDate?.toISOString().slice(0, 10)).toBe(meeting);
    expect(n.issuingBody).toBe(body);
  });

  it("uses the heading as title, without the bold marks", () => {
    expect(n003.title).toBe(
      "Kết luận của Phó Chủ tịch UBND tỉnh Dương Văn Lượng tại Hội nghị đánh giá kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới 06 tháng đầu năm, triển khai nhiệm vụ 06 tháng cuối năm 2020",
    );
    expect(n002.title.startsWith("Kết luận của đồng chí Đoàn Ngọc Lâm - Phó Chủ tịch thường trực UBND tỉnh")).toBe(true);
  });

  it("reads the signature block of 003, restoring the surname's lost diacritics", () => {
    expect(n003.signer).toBe("Lưu Quang Tuấn");
    expect(n003.signerTitle).toBe("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG");
    expect(n003.bodyHtml).not.toContain("CHÁNH VĂN PHÒNG");
  });

  it("leaves the signer of 002 empty: the page names only the chair of the meeting", () => {
    expect(n002.signer).toBeNull();
    expect(n002.signerTitle).toBeNull();
    expect(n002.source).toBe("Thông báo số 3691/TB-VPUBND ngày 06/9/2023");
    expect(formatDateTime(n002.postedAt)).toBe("10:14 6/9/2023");
  });

  it("turns **bold** and *italic* into <strong>/<em>", () => {
    expect(n003.bodyHtml).toContain("(<em>như phát huy vai trò của cộng đồng dân cư;");
    const sample = parseConclusionNotice(
      ["Số: 1 /TB-UBND", "Hà Giang, ngày 2 tháng 3 năm 2024", "THÔNG BÁO", "**Kết luận", "thử**", "Ngày 1/3/2024, **họp** và *bàn*. <script>x</script>"].join("\n"),
      { file: "sample" },
    );
    expect(sample.title).toBe("Kết luận thử");
    expect(sample.issuingBody).toBe("UBND tỉnh Hà Giang");
    expect(sample.bodyHtml).toBe("<p>Ngày 1/3/2024, <strong>họp</strong> và <em>bàn</em>. &lt;script&gt;x&lt;/script&gt;</p>");
  });

  it("renders the section headings of 002", () => {
    expect(n002.bodyHtml).toContain("<h3>II. Nhiệm vụ trọng tâm các tháng còn lại năm 2023:</h3>");
  });

  it("renders dash bullets as lists", () => {
    expect(n003.bodyHtml).toContain("<ul><li>Phối hợp với UBND cấp huyện");
    expect(n003.bodyHtml).toContain("<li>Lưu: VT, CNN, TH</li></ul>");
  });

  it("summarises with the lead paragraph", () => {
    expect(n002.summary.startsWith("Ngày 24/8/2023, UBND tỉnh tổ chức họp")).toBe(true);
    expect(n002.summary.length).toBeLessThanOrEqual(300);
    expect(n003.summary.startsWith("Ngày 26/6/2020, Phó Chủ tịch UBND tỉnh Dương Văn Lượng")).toBe(true);
  });
});

describe("tasks of the notices", () => {
  it("002 has tasks 1..10 in order", () => {
    expect(n002.tasks.map((t) => t.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
  });

  it("003 splits item 2 into one task per bullet with its own deadline", () => {
    expect(n003.tasks.map((t) => t.number)).toEqual(["1", "2.1", "2.2", "2.3", "3"]);
  });

  it.each([
    ["002", "1", "2023-12-31"], // "chậm nhất trước 31/12/2023" in the item's second paragraph
    ["002", "6", "2023-12-31"], // "giải ngân đến hết 31/12/2023"
    ["002", "2", null],
    ["003", "2.1", "2020-07-17"],
    ["003", "2.2", "2020-07-15"], // not the 15/6/2020 of the Tờ trình it cites
    ["003", "2.3", null],
    ["003", "1", null],
  ] as const)("%s task %s is due %s", (notice, number, due) => {
    const t = task(notice === "002" ? n002.tasks : n003.tasks, number);
    expect(t.deadline ? t.deadline.toISOString().slice(0, 10) : null).toBe(due);
  });

  const leads = (t: ParsedTask) => t.assignees.filter((a) => a.lead).map((a) => a.name);
  const helpers = (t: ParsedTask) => t.assignees.filter((a) => !a.lead).map((a) => a.name);

  it.each([
    ["002", "1", ["Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thị xã, thành phố", "UBND các xã đăng ký đạt chuẩn nông thôn mới, nông thôn mới nâng cao"], []],
    ["002", "3", ["Sở Nông nghiệp và Phát triển nông thôn", "UBND các huyện, thị xã, thành phố"], []],
    ["002", "4", ["Sở Nông nghiệp và Phát triển nông thôn"], ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]],
    ["002", "5", ["Các đơn vị, địa phương"], []],
    ["002", "6", ["Sở Kế hoạch và Đầu tư"], ["Văn phòng Điều phối nông thôn mới tỉnh"]],
    ["002", "7", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nông nghiệp và Phát triển nông thôn"], []],
    ["002", "8", ["Các sở, ngành được phân công phụ trách các xã"], []],
    ["002", "9", ["Ủy ban MTTQ Việt Nam tỉnh", "Các đoàn thể, tổ chức chính trị - xã hội tỉnh"], []],
    ["002", "10", ["Văn phòng Điều phối nông thôn mới tỉnh"], []],
    ["003", "1", ["Các sở, ban, ngành cấp tỉnh"], ["UBND các huyện, thị xã, thành phố"]],
    ["003", "2.1", ["Văn phòng Điều phối nông thôn mới tỉnh"], []],
    ["003", "2.2", ["Văn phòng Điều phối nông thôn mới tỉnh"], ["Các sở, ngành liên quan"]],
    ["003", "3", ["UBND các huyện, thị xã, thành phố", "Ban Chỉ đạo Chương trình xây dựng nông thôn mới các huyện, thị xã, thành phố"], []],
  ] as const)("%s task %s is led by %j with help from %j", (notice, number, lead, help) => {
    const t = task(notice === "002" ? n002.tasks : n003.tasks, number);
    expect(leads(t)).toEqual(lead);
    expect(helpers(t)).toEqual(help);
  });

  it("keeps the addressee phrase as the notice writes it", () => {
    expect(task(n002.tasks, "6").assigneeText).toBe(
      "Sở Kế hoạch và Đầu tư chủ trì, phối hợp Văn phòng Điều phối nông thôn mới tỉnh",
    );
    expect(task(n002.tasks, "7").assigneeText).toBe(
      "Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Nông nghiệp và Phát triển nông thôn",
    );
    expect(task(n003.tasks, "3").assigneeText).toBe("UBND, BCD Chương trình xây dựng NTM các huyện, thành phố, thị xã");
  });

  it("gives organisations their kind", () => {
    const kinds = new Map([...n002.tasks, ...n003.tasks].flatMap((t) => t.assignees).map((a) => [a.name, a.kind]));
    expect(kinds.get("Sở Kế hoạch và Đầu tư")).toBe("DEPARTMENT");
    expect(kinds.get("Văn phòng Điều phối nông thôn mới tỉnh")).toBe("COORDINATION_OFFICE");
    expect(kinds.get("UBND các huyện, thị xã, thành phố")).toBe("PEOPLES_COMMITTEE");
    expect(kinds.get("Ủy ban MTTQ Việt Nam tỉnh")).toBe("MASS_ORGANISATION");
    expect(kinds.get("Các sở, ban, ngành cấp tỉnh")).toBe("OTHER");
  });

  it("keeps task content as plain text with its bullets", () => {
    const t10 = task(n002.tasks, "10");
    expect(t10.content.split("\n")).toHaveLength(4);
    expect(t10.content).toContain("\n- Tiếp thu, hoàn chỉnh dự thảo báo cáo");
    for (const t of [...n002.tasks, ...n003.tasks]) {
      expect(t.content).not.toContain("*");
      expect(t.content).not.toMatch(/^\d+\.\s/);
    }
    expect(task(n003.tasks, "2.2").content.startsWith("Về danh mục dự án")).toBe(true);
  });
});

describe("small helpers", () => {
  it.each([
    ["báo cáo UBND tỉnh trước ngày 17/7/2020.", "17/7/2020"],
    ["chậm nhất trước 31/12/2023.", "31/12/2023"],
    ["thời hạn giải ngân đến hết 31/12/2023.", "31/12/2023"],
    ["tại Tờ trình số 168/TTr-VPĐP ngày 15/6/2020", null],
    ["trước thời hạn bị thu hồi", null],
  ])("findDeadline(%j) = %s", (text, due) => {
    const d = findDeadline(text);
    expect(d ? formatDate(d) : null).toBe(due);
  });

  it("cuts summaries at a word boundary", () => {
    const long = "một hai ba ".repeat(50);
    const s = summarise(long, 40);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith("…")).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(summarise("ngắn")).toBe("ngắn");
  });
});
