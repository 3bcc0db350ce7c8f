import type { DigestPaper } from "../../../src/digest/digest";
import { PerPaperCache } from "../../../src/digest/per-paper-cache";

const authors = ["Ada Lovelace"];
const paper = (arxivId: string, translation?: DigestPaper["translation"]): DigestPaper => ({
  arxivId,
  version: 1,
  title: `Title ${arxivId}`,
  abstract: "Abstract.",
  authors,
  subjects: [],
  links: { abs: "", pdf: "", html: "" },
  translation,
});

describe("values cached per paper across digests", () => {
  it("computes once per paper and variant", () => {
    const cache = new PerPaperCache<string>(100);
    let computed = 0;
    const get = (p: DigestPaper, variant: (string | number)[]) =>
      cache.get(p, variant, () => `${p.arxivId}:${variant.join()}:${++computed}`);
    const a = paper("2510.00001");
    expect(get(a, [0, "zh-CN"])).toBe("2510.00001:0,zh-CN:1");
    expect(get({ ...a, matchedTerms: [] }, [0, "zh-CN"])).toBe("2510.00001:0,zh-CN:1");
    expect(get(a, [1, "zh-CN"])).toBe("2510.00001:1,zh-CN:2");
    // Another paper that happens to share the author list object is not mistaken for the first.
    expect(get(paper("2510.00002"), [0, "zh-CN"])).toBe("2510.00002:0,zh-CN:3");
  });

  it("computes again when the paper's translation arrives", () => {
    const cache = new PerPaperCache<string>(100);
    const untranslated = paper("2510.00003");
    const translated = paper("2510.00003", { title: "标题", abstract: "摘要" });
    expect(cache.get(untranslated, [], () => "english only")).toBe("english only");
    expect(cache.get(translated, [], () => "bilingual")).toBe("bilingual");
  });

  it("starts afresh past its bound instead of growing", () => {
    const cache = new PerPaperCache<number>(2);
    let computed = 0;
    const a = paper("2510.00004");
    for (const variant of [[1], [2], [1], [3], [1]]) cache.get(a, variant, () => ++computed);
    // [1] and [2] fill it; then it starts afresh twice, recomputing [1] each time.
    expect(computed).toBe(5);
  });
});
