// Turns the plain-text copies of real provincial NTM pages (prisma/data/seed-articles) into the
// portal's sample content: news articles, and conclusion notices (thông báo kết luận) with their
// numbered tasks. Pure functions: no database, no file system.
//
// The copies keep the page around the article (menus, visitor counters, footers); those
// leftovers are dropped here, while the article's own author and source lines become fields.
import { slugify } from "../slug";
import { escapeHtml, htmlToText, sanitizeRichText } from "./sanitize";

export interface ParsedArticle {
  title: string;
  summary: string;
  bodyHtml: string;
  /** the instant the page gives (Vietnam time, UTC+7); a date alone is taken as 00:00 in Vietnam */
  publishedAt: Date;
  author: string | null;
  /** as the page writes it, without "Nguồn:" / "Theo" ("thainguyen.gov.vn", "Baocaobang.vn") */
  source: string | null;
  /** the page's own view counter ("Lượt xem: 86"), when it shows one */
  viewCount: number | null;
}

export type AssigneeKind =
  | "DEPARTMENT"
  | "COORDINATION_OFFICE"
  | "PEOPLES_COMMITTEE"
  | "STEERING_COMMITTEE"
  | "MASS_ORGANISATION"
  | "OTHER";

export interface ParsedAssignee {
  name: string;
  kind: AssigneeKind;
  /** true for the organisations that do the task (chủ trì, or named as subject); false for "phối hợp" */
  lead: boolean;
}

export interface ParsedTask {
  number: string; // "1", "2.1"
  content: string; // plain text; bullets kept as "- …" lines
  assigneeText: string; // the addressee phrase as written
  assignees: ParsedAssignee[];
  deadline: Date | null; // calendar date (UTC midnight, like @db.Date)
}

export interface ParsedNotice {
  number: string; // "58/TB-UBND"
  title: string;
  summary: string;
  bodyHtml: string;
  issuedDate: Date; // calendar date (UTC midnight)
  meetingDate: Date | null; // calendar date (UTC midnight)
  issuingBody: string;
  signer: string | null;
  /** the signature block, one line per row ("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n…") */
  signerTitle: string | null;
  source: string | null;
  /** when the portal posted it ("10:14, Thứ Tư, 6-9-2023"), if the page says */
  postedAt: Date | null;
  tasks: ParsedTask[];
}

export interface ArticleMeta {
  file: string;
  /** year for a date written without one ("Sáng 17/11") */
  year?: number;
}

export interface NoticeMeta {
  file: string;
  /** province of the issuing body, when the text does not give it with diacritics */
  province?: string;
}

const SUMMARY_MAX = 300;

// ───────────────────────── text → paragraphs ─────────────────────────

/** Lines of the page copy, trimmed, with no-break spaces made plain. */
function toLines(text: string): string[] {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim());
}

/**
 * One paragraph per non-empty line; a **bold** run spread over several lines (a notice's title
 * or signature block) stays one paragraph, its lines joined by "\n".
 */
function toParagraphs(text: string): string[] {
  const out: string[] = [];
  let open: string[] | null = null;
  for (const line of toLines(text)) {
    if (open) {
      if (line) open.push(line);
      if ((line.match(/\*\*/g) ?? []).length % 2 === 1) {
        out.push(open.join("\n"));
        open = null;
      }
      continue;
    }
    if (!line) continue;
    if ((line.match(/\*\*/g) ?? []).length % 2 === 1) open = [line];
    else out.push(line);
  }
  if (open) out.push(open.join("\n"));
  return out;
}

// Page chrome: menus, counters, empty slider titles.
const CHROME: RegExp[] = [
  /^Truy cập nội dung luôn$/i,
  /^Đăng nhập$/i,
  /^Chi tiết bài viết$/i,
  /^(No title\.*\s*)+$/i,
  /^Lượt xem\s*:?\s*[\d.]+$/i,
  /^[•·*-]?\s*(Đang online|Hôm nay|Hôm qua|Trong tuần|Trong tháng|Tất cả|Đang truy cập|Tổng truy cập|Lượt truy cập)(?!\p{L})[\s:\d.,]*$/iu,
];
// Where the page's own blocks (sidebars, footer) start: everything from there on is dropped.
const FOOTER_LINE =
  /^(Tin mới|Tin liên quan|Các tin khác|Tin khác|Thông báo mới|VB mới|KHEN THƯỞNG - XỬ PHẠT|TRANG THÔNG TIN ĐIỆN TỬ(?!\p{L}).*|Footer(?!\p{L}).*)$/iu;
// Some copies glue the counter heading to the last line ("Xuân HuyThống kê truy cập").
const FOOTER_GLUED = /Thống kê truy cập/i;

const isChrome = (p: string) => CHROME.some((re) => re.test(p));

/** Drops page chrome and cuts at the first footer block (never before the first real line). */
function stripPage(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (isChrome(p)) continue;
    if (out.length > 0 && FOOTER_LINE.test(p)) break;
    const glued = FOOTER_GLUED.exec(p);
    if (glued) {
      const before = p.slice(0, glued.index).trim();
      if (before) out.push(before);
      break;
    }
    out.push(p);
  }
  return out;
}

// ───────────────────────── dates ─────────────────────────

/** A calendar date as UTC midnight (the @db.Date convention of lib/format.ts). */
function calendarDate(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** An instant given in Vietnam time (UTC+7, no daylight saving). */
function vietnamInstant(y: number, m: number, d: number, hh = 0, mm = 0): Date | null {
  if (!calendarDate(y, m, d) || hh > 23 || mm > 59) return null;
  return new Date(Date.UTC(y, m - 1, d, hh - 7, mm));
}

/** "26-06-2020 14:31" or "10:14, Thứ Tư, 6-9-2023": the line where a portal prints the posting time. */
function parsePostedLine(p: string): Date | null {
  let m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})\s+(\d{1,2}):(\d{2})$/.exec(p);
  if (m) return vietnamInstant(+m[3], +m[2], +m[1], +m[4], +m[5]);
  m = /^(\d{1,2}):(\d{2}),?\s*(?:(?:Thứ\s+\S+|Chủ nhật),?\s*)?(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/i.exec(p);
  if (m) return vietnamInstant(+m[5], +m[4], +m[3], +m[1], +m[2]);
  return null;
}

const DMY = /(\d{1,2})\/(\d{1,2})\/(\d{4})/;

function dmy(text: string): Date | null {
  const m = DMY.exec(text);
  return m ? calendarDate(+m[3], +m[2], +m[1]) : null;
}

// ───────────────────────── inline text and HTML ─────────────────────────

/** Escaped text with the copy's **bold** and *italic* marks as <strong>/<em>. */
function inlineHtml(text: string): string {
  return escapeHtml(text.replace(/\n/g, " "))
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>");
}

/** Plain text without the markdown marks. */
function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/gs, "$1")
    .replace(/\*(.+?)\*/g, "$1")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

type Block = { kind: "p" | "h" | "li" | "sub"; text: string };

function classify(p: string): Block {
  if (/^[IVX]+\.\s/.test(p)) return { kind: "h", text: p };
  if (/^[-–]\s+/.test(p)) return { kind: "li", text: p.replace(/^[-–]\s+/, "") };
  if (/^\+\s+/.test(p)) return { kind: "sub", text: p.replace(/^\+\s+/, "") };
  return { kind: "p", text: p };
}

/** Paragraphs → <p>, "I." headings → <h3>, "- " bullets → <ul>, "+ " bullets → nested <ul>. */
function renderBody(paragraphs: string[], lists = true): string {
  let html = "";
  let inList = false;
  let inSub = false;
  const closeSub = () => {
    if (inSub) html += "</ul>";
    inSub = false;
  };
  const closeList = () => {
    closeSub();
    if (inList) html += "</li></ul>";
    inList = false;
  };
  for (const p of paragraphs) {
    const b = lists ? classify(p) : { kind: "p" as const, text: p };
    if (b.kind === "li") {
      closeSub();
      html += inList ? "</li><li>" : "<ul><li>";
      inList = true;
      html += inlineHtml(b.text);
    } else if (b.kind === "sub" && inList) {
      if (!inSub) html += "<ul>";
      inSub = true;
      html += `<li>${inlineHtml(b.text)}</li>`;
    } else {
      closeList();
      html += b.kind === "h" ? `<h3>${inlineHtml(b.text)}</h3>` : `<p>${inlineHtml(b.text)}</p>`;
    }
  }
  closeList();
  return sanitizeRichText(html);
}

/** Plain text cut at a word boundary so that the result (with "…") is at most `max` characters. */
export function summarise(text: string, max = SUMMARY_MAX): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

const summaryOf = (paragraph: string) => summarise(htmlToText(inlineHtml(paragraph)));

// ───────────────────────── bylines ─────────────────────────

/** "Huỳnh Vũ Thùy Nhi", "Xuân Huy": 2–5 capitalised words. */
const looksLikeName = (s: string) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,4}$/u.test(s);
/** A short trailing line with no sentence punctuation: an author or an author's unit. */
const isByline = (s: string) => s.length <= 50 && !/[.:;!?,]$/.test(s) && s.split(" ").length <= 6 && !/\d/.test(s);

// ───────────────────────── news ─────────────────────────

export function parseNewsArticle(text: string, meta: ArticleMeta): ParsedArticle {
  const raw = toParagraphs(text);
  const views = raw.map((p) => /^Lượt xem\s*:?\s*([\d.]+)$/i.exec(p)).find(Boolean);
  const paras = stripPage(raw);
  const title = paras.shift();
  if (!title) throw new Error(`${meta.file}: no title`);

  let publishedAt: Date | null = null;
  const body: string[] = [];
  for (const p of paras) {
    const posted: Date | null = publishedAt ? null : parsePostedLine(p);
    if (posted) publishedAt = posted;
    else body.push(p);
  }

  // Trailing byline lines, bottom up: "Nguồn: …", "Theo …", an author's name, an author's unit.
  let author: string | null = null;
  let source: string | null = null;
  while (body.length > 1) {
    const last = body[body.length - 1];
    const src = /^Nguồn\s*:\s*(.+)$/i.exec(last) ?? (last.length <= 50 ? /^Theo\s+(\S.*)$/.exec(last) : null);
    if (src) source ??= src[1].trim();
    else if (isByline(last) && looksLikeName(last)) author ??= last;
    else if (isByline(last)) source ??= last;
    else break;
    body.pop();
  }
  // An author glued to the closing "./." of the last sentence ("…tại địa phương./.Huỳnh Vũ Thùy Nhi").
  const glued = /^(.*\.\/\.)\s*(\S.*)$/s.exec(body[body.length - 1] ?? "");
  if (glued && looksLikeName(glued[2])) {
    author ??= glued[2];
    body[body.length - 1] = glued[1];
  }
  if (body.length === 0) throw new Error(`${meta.file}: no body`);

  publishedAt ??= findArticleDate(body, meta);
  return {
    title: plain(title),
    summary: summaryOf(body[0]),
    bodyHtml: renderBody(body, false),
    publishedAt,
    author,
    source,
    viewCount: views ? Number(views[1].replace(/\./g, "")) : null,
  };
}

/** "Ngày 29/5/2020, …" or, with meta.year, "Sáng 17/11, …" — the lead paragraph first. */
function findArticleDate(body: string[], meta: ArticleMeta): Date {
  for (const p of [body[0], ...body.slice(1)]) {
    const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(p);
    const d = m && vietnamInstant(+m[3], +m[2], +m[1]);
    if (d) return d;
    if (p !== body[0]) continue;
    const short = /\b(?:Sáng|Chiều|Tối|Trưa|Ngày|ngày)\s+(\d{1,2})\/(\d{1,2})(?![\d/])/u.exec(p);
    if (short && meta.year) {
      const d2 = vietnamInstant(meta.year, +short[2], +short[1]);
      if (d2) return d2;
    }
  }
  throw new Error(`${meta.file}: no date in the text${meta.year ? "" : " (a date without a year needs meta.year)"}`);
}

// ───────────────────────── conclusion notices ─────────────────────────

/**
 * Surnames whose diacritics OCR or typing lost ("Luu Quang Tuấn"). Corrected only when the rest of
 * the name keeps its diacritics, which shows the loss was accidental.
 */
const SURNAME_FIX: Record<string, string> = {
  Luu: "Lưu", Nguyen: "Nguyễn", Tran: "Trần", Le: "Lê", Pham: "Phạm", Hoang: "Hoàng", Huynh: "Huỳnh",
  Vu: "Vũ", Vo: "Võ", Dang: "Đặng", Bui: "Bùi", Do: "Đỗ", Ho: "Hồ", Ngo: "Ngô", Duong: "Dương", Ly: "Lý",
  Dinh: "Đinh", Doan: "Đoàn", Trinh: "Trịnh", Lam: "Lâm",
};
function fixSurname(name: string): string {
  const [first, ...rest] = name.split(" ");
  const fixed = SURNAME_FIX[first];
  return fixed && /[^\x00-\x7f]/.test(rest.join(" ")) ? [fixed, ...rest].join(" ") : name;
}

const isUpperBlock = (p: string) => {
  const t = plain(p);
  return t.length > 0 && t === t.toLocaleUpperCase("vi") && /\p{Lu}/u.test(t);
};

export function parseConclusionNotice(text: string, meta: NoticeMeta): ParsedNotice {
  const paras = stripPage(toParagraphs(text));

  // Header: "Số: 58 /TB-UBND", "Thái Nguyên, ngày 06 tháng 7 năm 2020", "THÔNG BÁO", the title,
  // and on portals the posting time.
  let number: string | null = null;
  let place: string | null = null;
  let issuedDate: Date | null = null;
  let postedAt: Date | null = null;
  let title: string | null = null;
  while (paras.length > 0) {
    const p = paras[0];
    const no = /^Số\s*:?\s*(\d+)\s*\/\s*(\S+)$/i.exec(p);
    const dated = /^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i.exec(p);
    const posted = parsePostedLine(p);
    if (no) number = `${no[1]}/${no[2]}`;
    else if (dated) {
      place = dated[1].trim();
      issuedDate = calendarDate(+dated[4], +dated[3], +dated[2]);
    } else if (posted) postedAt = posted;
    else if (/^THÔNG BÁO$/.test(p)) {
      // the document kind, not the title
    } else if (!title) title = plain(p);
    else break;
    paras.shift();
  }
  if (!title) throw new Error(`${meta.file}: no title`);

  // Tail: "Nguồn: Thông báo số … ngày …", and the signature block with the signer's name.
  let source: string | null = null;
  const srcAt = paras.findIndex((p) => /^Nguồn\s*:/i.test(p));
  if (srcAt >= 0) {
    source = paras[srcAt].replace(/^Nguồn\s*:\s*/i, "").trim();
    paras.splice(srcAt);
    const ref = /số\s+(\d+\/\S+)\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(source);
    if (ref) {
      number ??= ref[1];
      issuedDate ??= dmy(ref[2]);
    }
  }
  let signer: string | null = null;
  let signerTitle: string | null = null;
  const last = paras[paras.length - 1];
  if (last && looksLikeName(fixSurname(last)) && paras.length > 1 && isUpperBlock(paras[paras.length - 2])) {
    signer = fixSurname(last);
    signerTitle = paras[paras.length - 2]
      .split("\n")
      .map(plain)
      .filter(Boolean)
      .join("\n");
    paras.splice(paras.length - 2);
  }
  if (!number) throw new Error(`${meta.file}: no notice number`);
  if (!issuedDate) throw new Error(`${meta.file}: no issue date`);

  // The portal's own dateline before the lead ("(Quang Binh Potal) - Ngày 24/8/2023, …").
  if (paras[0]) paras[0] = paras[0].replace(/^\([^)]*\b(?:Portal|Potal)\)\s*[-–]\s*/i, "");
  if (paras.length === 0) throw new Error(`${meta.file}: no body`);

  const meeting = paras.map((p) => /\bngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(p)).find(Boolean);
  const province = meta.province ?? place;
  return {
    number,
    title,
    summary: summaryOf(paras[0]),
    bodyHtml: renderBody(paras),
    issuedDate,
    meetingDate: meeting ? dmy(meeting[1]) : null,
    issuingBody: issuingBodyOf(number, province, meta.file),
    signer,
    signerTitle,
    source,
    postedAt,
    tasks: parseNoticeTasks(paras),
  };
}

/** "58/TB-UBND" of Thái Nguyên → "UBND tỉnh Thái Nguyên"; "…/TB-VPUBND" → "Văn phòng UBND tỉnh …". */
function issuingBodyOf(number: string, province: string | null, file: string): string {
  if (!province) throw new Error(`${file}: the province of the issuing body is unknown (pass meta.province)`);
  const office = number.split("/").slice(1).join("/").toUpperCase();
  if (/(^|-)VPUBND$/.test(office)) return `Văn phòng UBND tỉnh ${province}`;
  if (/(^|-)UBND$/.test(office)) return `UBND tỉnh ${province}`;
  throw new Error(`${file}: unknown issuing office in "${number}"`);
}

// ───────────────────────── tasks ─────────────────────────

interface OrgPattern {
  re: RegExp;
  orgs: { name: string; kind: AssigneeKind }[];
  /** vague addressees ("các đơn vị, địa phương"): used only when a task names nobody else */
  generic?: boolean;
}

const DISTRICTS = "UBND các huyện, thị xã, thành phố";
const VPDP = "Văn phòng Điều phối nông thôn mới tỉnh";
const DEPARTMENTS = "Các sở, ban, ngành cấp tỉnh";

const org = (re: string, name: string, kind: AssigneeKind, generic = false): OrgPattern => ({
  re: new RegExp(re, "iuy"),
  orgs: [{ name, kind }],
  generic,
});

// Addressees of the two notices, written the ways the texts write them, with one normalised name
// each. Longer phrases come first only for readability: the longest match wins.
const ORG_PATTERNS: OrgPattern[] = [
  org("Sở Nông nghiệp và (?:Phát triển nông thôn|PTNT)", "Sở Nông nghiệp và Phát triển nông thôn", "DEPARTMENT"),
  org("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", "DEPARTMENT"),
  org("Sở Tài chính", "Sở Tài chính", "DEPARTMENT"),
  org("Văn phòng Điều phối (?:nông thôn mới|NTM)(?: tỉnh)?", VPDP, "COORDINATION_OFFICE"),
  org("(?:Ủy ban |Uỷ ban |UB ?)MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "MASS_ORGANISATION"),
  org("(?:các )?đoàn thể, tổ chức chính trị - xã hội(?: tỉnh)?", "Các đoàn thể, tổ chức chính trị - xã hội tỉnh", "MASS_ORGANISATION"),
  org("(?:Thủ trưởng )?các sở, ban, ngành(?: cấp tỉnh| của tỉnh)?", DEPARTMENTS, "OTHER"),
  org("(?:Thủ trưởng )?các sở, ngành của tỉnh", DEPARTMENTS, "OTHER"),
  org("các sở, ngành(?: đã)? được phân công chủ trì", "Các sở, ngành chủ trì Chương trình chuyên đề", "OTHER"),
  org(
    "các sở, ngành(?: đã)? được phân công phụ trách các xã(?: đăng ký đạt chuẩn nông thôn mới(?:, nông thôn mới nâng cao)?)?",
    "Các sở, ngành được phân công phụ trách các xã",
    "OTHER",
  ),
  org("các sở, ngành liên quan", "Các sở, ngành liên quan", "OTHER"),
  org("(?:Chủ tịch )?(?:UBND|Ủy ban nhân dân) các huyện, (?:thị xã, thành phố|thành phố, thị xã)", DISTRICTS, "PEOPLES_COMMITTEE"),
  org("UBND cấp huyện", DISTRICTS, "PEOPLES_COMMITTEE"),
  org(
    "UBND các xã đăng ký đạt chuẩn nông thôn mới(?:, nông thôn mới nâng cao)?(?: năm \\d{4})?",
    "UBND các xã đăng ký đạt chuẩn nông thôn mới, nông thôn mới nâng cao",
    "PEOPLES_COMMITTEE",
  ),
  {
    // "UBND, BCD Chương trình xây dựng NTM các huyện, thành phố, thị xã" (the copy lost the Đ of BCĐ)
    re: /UBND, (?:BCĐ|BCD|Ban Chỉ đạo) Chương trình xây dựng (?:NTM|nông thôn mới) các huyện, (?:thành phố, thị xã|thị xã, thành phố)/iuy,
    orgs: [
      { name: DISTRICTS, kind: "PEOPLES_COMMITTEE" },
      { name: "Ban Chỉ đạo Chương trình xây dựng nông thôn mới các huyện, thị xã, thành phố", kind: "STEERING_COMMITTEE" },
    ],
  },
  org("(?:các )?đơn vị, địa phương", "Các đơn vị, địa phương", "OTHER", true),
  org("các cấp, các ngành", "Các cấp, các ngành", "OTHER", true),
];

interface Found {
  name: string;
  kind: AssigneeKind;
  lead: boolean;
  generic: boolean;
}

/** Organisations listed from `pos` ("A, B và C"); returns them and where the list ends. */
function scanOrgList(s: string, pos: number, lead: boolean): { found: Found[]; end: number } {
  const found: Found[] = [];
  let end = pos;
  let at = pos;
  for (;;) {
    let best: { pattern: OrgPattern; len: number } | null = null;
    for (const pattern of ORG_PATTERNS) {
      pattern.re.lastIndex = at;
      const m = pattern.re.exec(s);
      if (m && (!best || m[0].length > best.len)) best = { pattern, len: m[0].length };
    }
    if (!best) break;
    for (const o of best.pattern.orgs) found.push({ ...o, lead, generic: !!best.pattern.generic });
    end = at + best.len;
    const sep = /\s*,\s*|\s+và\s+/y;
    sep.lastIndex = end;
    const m = sep.exec(s);
    if (!m) break;
    at = sep.lastIndex;
  }
  return { found, end };
}

/**
 * Who a sentence addresses: the organisations it starts with (after "Đề nghị", "Yêu cầu",
 * "Giao"), then those after "chủ trì, phối hợp (với)" or "phối hợp (với)" as non-leads.
 */
function scanAddressees(sentence: string): { found: Found[]; phrase: string | null } {
  const s = plain(sentence);
  const starts = [0];
  for (const m of s.matchAll(/(?:^|[.:;]\s+)(?:Đề nghị|Yêu cầu|Giao)\s+/giu)) starts.push((m.index ?? 0) + m[0].length);
  for (const start0 of starts) {
    const intro = /(?:Đề nghị|Yêu cầu|Giao)\s+/iuy;
    intro.lastIndex = start0;
    const start = intro.exec(s) ? intro.lastIndex : start0;
    // "Phối hợp với UBND cấp huyện …", "Chủ trì, phối hợp với …": the subject is the item's heading
    const coordOnly = /(?:chủ trì\s*,?\s*)?phối hợp(?: với)?\s+/iuy;
    coordOnly.lastIndex = start;
    if (coordOnly.exec(s)) {
      const coord = scanOrgList(s, coordOnly.lastIndex, false);
      if (coord.found.length) return { found: coord.found, phrase: null };
      continue;
    }
    const leads = scanOrgList(s, start, true);
    if (leads.found.length === 0) continue;
    let end = leads.end;
    const coordAfter = /\s*(?:chủ trì\s*,?\s*)?phối hợp(?: với)?\s+/iuy;
    coordAfter.lastIndex = end;
    let found = leads.found;
    if (coordAfter.exec(s)) {
      const coord = scanOrgList(s, coordAfter.lastIndex, false);
      if (coord.found.length) {
        found = [...found, ...coord.found];
        end = coord.end;
      }
    } else {
      const chairs = /\s*chủ trì(?!\p{L})/iuy;
      chairs.lastIndex = end;
      if (chairs.exec(s)) end = chairs.lastIndex;
    }
    return { found, phrase: s.slice(start, end).replace(/[\s,:;]+$/, "") };
  }
  return { found: [], phrase: null };
}

/** The task's deadline: "trước ngày 17/7/2020", "chậm nhất trước 31/12/2023", "đến hết 31/12/2023". */
export function findDeadline(text: string): Date | null {
  const m = /(?:trước|đến hết|hạn chót|chậm nhất)(?:\s+ngày)?\s+(\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(text);
  return m ? dmy(m[1]) : null;
}

function mergeAssignees(found: Found[]): ParsedAssignee[] {
  const specific = found.filter((f) => !f.generic);
  const chosen = specific.some((f) => f.lead) ? specific : found;
  const byName = new Map<string, ParsedAssignee>();
  for (const f of chosen) {
    const prev = byName.get(f.name);
    if (!prev) byName.set(f.name, { name: f.name, kind: f.kind, lead: f.lead });
    else prev.lead ||= f.lead;
  }
  return [...byName.values()].sort((a, b) => Number(b.lead) - Number(a.lead));
}

interface Item {
  number: string;
  heading: string;
  parts: Block[];
}

/** Scans a part of the task for addressees; returns its phrase if it names a lead. */
function addresseesOf(texts: string[]): { found: Found[]; phrases: string[] } {
  const found: Found[] = [];
  const phrases: string[] = [];
  for (const t of texts) {
    const r = scanAddressees(t);
    found.push(...r.found);
    if (r.phrase && r.found.some((f) => f.lead && !f.generic)) phrases.push(r.phrase);
  }
  return { found, phrases };
}

function taskFrom(
  number: string,
  content: string,
  heads: string[],
  bullets: string[],
  deadlineText: string,
  perBullet: boolean,
): ParsedTask {
  const head = addresseesOf(heads);
  const inBullets = addresseesOf(bullets);
  const found = [...head.found, ...inBullets.found];
  // a bullet task that names its own doer ("Yêu cầu VPĐP chủ trì, phối hợp …") is addressed by that phrase
  let phrases = perBullet && inBullets.phrases.length ? inBullets.phrases : [...head.phrases, ...inBullets.phrases];
  const assignees = mergeAssignees(found);
  if (phrases.length === 0) {
    // only vague addressees: the phrase as written is theirs
    phrases = heads.map((h) => scanAddressees(h).phrase).filter((p): p is string => !!p).slice(0, 1);
  }
  return {
    number,
    content,
    assigneeText: [...new Set(phrases)].join("; "),
    assignees,
    deadline: findDeadline(deadlineText),
  };
}

const bulletLine = (b: Block) => (b.kind === "li" ? `- ${plain(b.text)}` : b.kind === "sub" ? `  + ${plain(b.text)}` : plain(b.text));

/**
 * The numbered tasks of a conclusion notice: section "II. Nhiệm vụ …" when there is one, otherwise
 * the numbered items after the findings, up to the closing "Trên đây …". An item whose bullets carry
 * their own deadlines becomes one task per bullet ("2.1", "2.2" …).
 */
export function parseNoticeTasks(paragraphs: string[]): ParsedTask[] {
  let from = paragraphs.findIndex((p) => /^[IVX]+\.\s.*nhiệm vụ/iu.test(p));
  from = from >= 0 ? from + 1 : paragraphs.findIndex((p) => /^1\.\s/.test(p));
  if (from < 0) return [];
  const items: Item[] = [];
  for (const p of paragraphs.slice(from)) {
    if (/^(Trên đây|Nơi nhận)/iu.test(p) || /^[IVX]+\.\s/.test(p)) break;
    const numbered = /^(\d{1,2})\.\s+(.*)$/s.exec(p);
    if (numbered && Number(numbered[1]) === items.length + 1) {
      items.push({ number: numbered[1], heading: numbered[2], parts: [] });
    } else if (items.length > 0) {
      items[items.length - 1].parts.push(classify(p));
    }
  }

  const tasks: ParsedTask[] = [];
  for (const item of items) {
    // group each bullet with its "+" sub-bullets
    const groups: Block[][] = [];
    for (const part of item.parts) {
      if (part.kind === "li" || groups.length === 0 || part.kind === "p") groups.push([part]);
      else groups[groups.length - 1].push(part);
    }
    const bulletGroups = groups.filter((g) => g[0].kind === "li");
    const split =
      bulletGroups.length >= 2 && bulletGroups.some((g) => g.some((b) => findDeadline(b.text) !== null));
    if (split) {
      const heads = [item.heading, ...groups.filter((g) => g[0].kind === "p").map((g) => g[0].text)];
      bulletGroups.forEach((g, i) => {
        const text = g.map(bulletLine).join("\n").replace(/^- /, "");
        tasks.push(taskFrom(`${item.number}.${i + 1}`, text, heads, [g[0].text], text, true));
      });
    } else {
      const heads = [item.heading, ...item.parts.filter((b) => b.kind === "p").map((b) => b.text)];
      const bullets = item.parts.filter((b) => b.kind !== "p").map((b) => b.text);
      const content = [plain(item.heading), ...item.parts.map(bulletLine)].join("\n");
      tasks.push(taskFrom(item.number, content, heads, bullets, content, false));
    }
  }
  return tasks;
}

/** URL slug of a notice: number and title ("58-tb-ubnd-ket-luan-cua-…"). */
export function noticeSlug(notice: Pick<ParsedNotice, "number" | "title">): string {
  return slugify(`${notice.number} ${notice.title}`);
}
