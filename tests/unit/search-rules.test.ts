import { describe, expect, it } from "vitest";
import { editDistance, foldText, lexiconWithSpelling, spellWords, highlightHtml, MAX_QUERY_WORDS, normaliseQuery, snippetHtml, suggestWords, toPhraseQuery, toTsQuery } from "@/lib/search/rules";

describe("search query normalisation", () => {
  it.each([
    ["nong thon moi", ["nong", "thon", "moi"]],
    ["Nông thôn MỚI", ["nong", "thon", "moi"]],
    ["  Kế hoạch  và Đầu tư ", ["ke", "hoach", "va", "dau", "tu"]],
    ["ĐƯỜNG giao thông", ["duong", "giao", "thong"]],
    ["58/TB-UBND", ["58", "tb", "ubnd"]],
    ["nông nông thôn", ["nong", "thon"]],
    // decomposed input (Unicode tổ hợp) folds like precomposed
    ["No\u0302ng tho\u0302n", ["nong", "thon"]],
  ])("%j → %j", (raw, words) => {
    expect(normaliseQuery(raw).words).toEqual(words);
  });

  it.each(["", "   ", "!!!", "…—–-/", "<>&\"'", "'; DROP TABLE \"Article\"; --"])("punctuation alone gives no word: %j", (raw) => {
    const q = normaliseQuery(raw);
    if (raw.includes("DROP")) expect(q.words).toEqual(["drop", "table", "article"]);
    else expect(q.words).toEqual([]);
  });

  it("keeps the first value of a repeated parameter and at most MAX_QUERY_WORDS words", () => {
    expect(normaliseQuery(["xa", "huyen"]).words).toEqual(["xa"]);
    expect(normaliseQuery(undefined).words).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
    expect(normaliseQuery(many).words).toHaveLength(MAX_QUERY_WORDS);
  });

  it("cuts an overlong query instead of refusing it", () => {
    const q = normaliseQuery("nông ".repeat(100));
    expect(q.text.length).toBeLessThanOrEqual(200);
    expect(q.words).toEqual(["nong"]);
  });

  it("folds đ and every Vietnamese tone and vowel mark", () => {
    expect(foldText("Đồng bằng sông Cửu Long, ưu tiên, ắ ằ ẳ ẵ ặ")).toBe("dong bang song cuu long, uu tien, a a a a a");
  });

  it("builds a tsquery requiring every word, and the phrase query", () => {
    expect(toTsQuery(["nong", "thon", "moi"])).toBe("'nong' & 'thon' & 'moi'");
    expect(toPhraseQuery(["nong", "thon", "moi"])).toBe("'nong' <-> 'thon' <-> 'moi'");
    expect(toTsQuery(["a'b"])).toBe("'ab'");
  });
});

describe("highlighting", () => {
  const words = normaliseQuery("nong thon moi").words;

  it("marks the matched words whatever their diacritics and case, neighbours in one mark", () => {
    expect(highlightHtml("Nông thôn mới phải góp phần nâng cao đời sống", words)).toBe("<mark>Nông thôn mới</mark> phải góp phần nâng cao đời sống");
    expect(highlightHtml("NÔNG THÔN và mới", words)).toBe("<mark>NÔNG THÔN</mark> và <mark>mới</mark>");
  });

  it("marks whole words only", () => {
    expect(highlightHtml("thông tin", normaliseQuery("thon").words)).toBe("thông tin");
  });

  it("escapes a title containing HTML: only the <mark> added here is markup", () => {
    const html = highlightHtml('<script>alert("x")</script> Nông thôn & <b>mới</b>', words);
    expect(html).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Nông thôn</mark> &amp; &lt;b&gt;<mark>mới</mark>&lt;/b&gt;");
    expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("escapes when nothing matches", () => {
    expect(highlightHtml("<img src=x onerror=alert(1)>", ["khong"])).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("a snippet is cut around the words, with ellipses, escaped and marked", () => {
    const text = `${"Mở đầu bài viết dài dòng về nhiều việc khác nhau. ".repeat(10)}Xây dựng nông thôn mới <em> gắn với đô thị. ${"Phần sau còn rất dài nữa. ".repeat(10)}`;
    const snippet = snippetHtml(text, words, 120);
    expect(snippet.startsWith("… ")).toBe(true);
    expect(snippet.endsWith(" …")).toBe(true);
    expect(snippet).toContain("<mark>nông thôn mới</mark> &lt;em&gt;");
    const plain = snippet.replace(/<\/?mark>/g, "").replace(/ …$|^… /g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    expect(plain.length).toBeLessThanOrEqual(120);
  });

  it("a snippet prefers the passage holding the most different words", () => {
    const text = `Nông dân đi chợ. ${"Chuyện khác. ".repeat(30)}Nông thôn mới ở xã.`;
    expect(snippetHtml(text, words, 60)).toContain("<mark>Nông thôn mới</mark>");
  });

  it("without a match, a snippet is the start of the text", () => {
    expect(snippetHtml("Một hai ba bốn năm", ["xyz"], 9)).toBe("Một hai …");
    expect(snippetHtml("Ngắn", ["xyz"])).toBe("Ngắn");
  });
});

describe("suggestions for a query that finds nothing", () => {
  const lexicon = new Map([["nong", 40], ["thon", 40], ["moi", 38], ["mo", 3], ["ke", 9], ["hoach", 9], ["dau", 12], ["tu", 30], ["quynh", 2], ["luu", 2], ["chuong", 20], ["trinh", 20]]);

  it.each([
    ["one slip in a word", "a b c", "a b d", 1, 1],
    ["a missing letter", "hoach", "hoch", 2, 1],
    ["two neighbours swapped count once", "thon", "tohn", 2, 1],
    ["beyond the bound is bound + 1", "chuong", "xyz", 2, 3],
    ["equal words", "nong", "nong", 0, 0],
  ])("edit distance: %s", (_name, a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  it.each([
    ["a slip in one word", ["nong", "thon", "moj"], ["nong", "thon", "moi"]],
    ["a missing letter in a long word", ["chuong", "trnh"], ["chuong", "trinh"]],
    ["swapped letters", ["nogn", "thon"], ["nong", "thon"]],
    ["no correction of a word of two letters (too many near words)", ["mi"], null],
    ["the word in the most texts among equally near ones (moi, not mo)", ["moa"], ["moi"]],
  ] as const)("%s", (_name, words, expected) => {
    expect(suggestWords(words, lexicon)).toEqual(expected);
  });

  it("suggests nothing when every word is known, or one word has no near neighbour", () => {
    expect(suggestWords(["nong", "thon", "moi"], lexicon)).toBeNull();
    expect(suggestWords(["nong", "xyzxyz"], lexicon)).toBeNull();
  });

  it("writes a suggestion as the texts write its words: the most used form, with its diacritics", () => {
    const lexicon = lexiconWithSpelling(
      [{ word: "nong", texts: 3 }, { word: "thon", texts: 3 }, { word: "moi", texts: 3 }, { word: "xyz", texts: 1 }],
      [{ word: "nông", uses: 9 }, { word: "nóng", uses: 2 }, { word: "thôn", uses: 9 }, { word: "mới", uses: 7 }, { word: "môi", uses: 8 }, { word: "mỗi", uses: 1 }],
    );
    const spelling = new Map(lexicon.map((w) => [w.word, w.spelling]));
    // "môi" is used more often than "mới" across the texts: the most used form wins
    expect(spellWords(["nong", "thon", "moi", "xyz"], spelling)).toBe("nông thôn môi xyz");
    expect(lexicon.find((w) => w.word === "nong")).toEqual({ word: "nong", texts: 3, spelling: "nông" });
  });

  it("keeps numbers as typed: a document number is not a misspelling", () => {
    expect(suggestWords(["318", "qd", "ttg"], new Map([["qd", 1], ["ttg", 1]]))).toBeNull();
    expect(suggestWords(["318", "thno"], lexicon)).toEqual(["318", "thon"]);
  });
});
