import type { StoredPaper } from "../../../src/arxiv/edition";
import type { Subscriber } from "../../../src/subscribers/subscriber";
import { countReaders, EditionContent } from "../../../src/digest/edition-content";
import { toTraditional } from "../../../src/translate/chinese-script";
import { renderDigestText } from "../../../src/digest/render-digest-text";
import { SAMPLE_LINKS as LINKS } from "../digest/support/sample-digest";

const edition = {
  id: 1,
  date: "2025-10-17",
  announcedAt: new Date("2025-10-17T00:00:00Z"),
  categories: ["cs"],
  status: "ingested" as const,
};

function paper(id: number, title: string, translated: boolean): StoredPaper {
  return {
    id,
    arxivId: `2510.1000${id}`,
    version: 1,
    title,
    abstract: `${title}: an abstract.`,
    authors: ["Ada Lovelace"],
    categories: ["cs.LG"],
    primaryCategory: "cs.LG",
    announceType: "new",
    translations: translated
      ? [
          {
            language: "zh-CN",
            title: "大语言模型的强化学习",
            abstract: "软件与信息网络中的扩散策略。",
            summary: "用软件信息网络学习扩散策略。",
          },
        ]
      : [],
  };
}

function subscriber(id: number, language: "zh-CN" | "zh-TW", keywords: string[]): Subscriber {
  return {
    id,
    email: `s${id}@example.org`,
    status: "active",
    language,
    timeZone: "Asia/Shanghai",
    hardBounces: 0,
    createdAt: new Date(),
    keywords,
  };
}

const options = { maxPapers: 100, now: new Date("2025-10-17T01:00:00Z") };

describe("toTraditional", () => {
  it("writes zh-CN as used in Taiwan, words included", () => {
    expect(toTraditional("大语言模型的强化学习与扩散策略，软件信息网络")).toBe(
      "大語言模型的強化學習與擴散策略，軟體資訊網路",
    );
  });
});

describe("EditionContent and the Chinese variants", () => {
  const content = new EditionContent(
    edition,
    [
      paper(1, "Reinforcement learning", true),
      paper(2, "Diffusion policy", false),
      paper(3, "Other", false),
    ],
    { includeReplacements: false, translates: true, summaries: true },
  );

  it("converts the translation for a zh-TW subscriber and says which Chinese it is", () => {
    const tw = content.digestFor(subscriber(1, "zh-TW", ["reinforcement learning"]), options);
    expect(tw?.language).toBe("zh-TW");
    expect(tw?.sections[0]?.papers[0]?.translation).toEqual({
      title: "大語言模型的強化學習",
      abstract: "軟體與資訊網路中的擴散策略。",
      summary: "用軟體資訊網路學習擴散策略。",
    });
    const cn = content.digestFor(subscriber(2, "zh-CN", ["reinforcement learning"]), options);
    expect(cn?.language).toBe("zh-CN");
    expect(cn?.sections[0]?.papers[0]?.translation?.title).toBe("大语言模型的强化学习");
  });

  it("ranks the papers the digests show by readers, most wanted first", () => {
    const readers = [
      subscriber(1, "zh-CN", ["diffusion policy"]),
      subscriber(2, "zh-TW", ["diffusion policy", "reinforcement learning"]),
      { ...subscriber(3, "zh-CN", ["other"]), status: "paused" as const },
    ];
    const counted = new Map<string, number>();
    for (const reader of readers.filter((r) => r.status === "active")) {
      const digest = content.digestFor(reader, options);
      if (digest) countReaders(counted, digest);
    }
    expect(content.papersShownTo(counted).map((p) => [p.paperId, p.readers])).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });

  it("shows translations added after it was loaded", () => {
    content.addTranslations(new Map([[2, { title: "扩散策略", abstract: "摘要。" }]]));
    const digest = content.digestFor(subscriber(4, "zh-TW", ["diffusion policy"]), options);
    expect(digest?.sections[0]?.papers[0]?.translation).toEqual({
      title: "擴散策略",
      abstract: "摘要。",
    });
    expect(digest?.missingTranslations).toBe(false);
  });

  it("hides stored and new summaries with TRANSLATOR_SUMMARY=false", () => {
    const off = new EditionContent(edition, [paper(1, "Reinforcement learning", true)], {
      includeReplacements: false,
      translates: true,
      summaries: false,
    });
    const reader = subscriber(6, "zh-CN", ["reinforcement learning"]);
    const shown = () => off.digestFor(reader, options)?.sections[0]?.papers[0]?.translation;
    expect(shown()).toEqual({
      title: "大语言模型的强化学习",
      abstract: "软件与信息网络中的扩散策略。",
    });
    off.addTranslations(
      new Map([[1, { title: "新标题", abstract: "新摘要。", summary: "新总结。" }]]),
    );
    expect(shown()).toEqual({ title: "新标题", abstract: "新摘要。" });
    expect(renderDigestText(off.digestFor(reader, options)!, LINKS)).not.toContain("一句话总结");
  });

  it("says a missing translation is pending while a translator is configured, and off without", () => {
    const pending = content.digestFor(subscriber(5, "zh-CN", ["other"]), options);
    expect(pending?.missingTranslations).toBe("pending");
    const untranslated = new EditionContent(edition, [paper(3, "Other", false)], {
      includeReplacements: false,
      translates: false,
      summaries: true,
    });
    const off = untranslated.digestFor(subscriber(5, "zh-CN", ["other"]), options);
    expect(off?.missingTranslations).toBe("off");
    expect(renderDigestText(off!, LINKS)).toContain("This service does not translate papers");
    expect(renderDigestText(off!, LINKS)).not.toContain("not ready");
  });

  it("lets a Chinese keyword find a paper translated after the edition was loaded", () => {
    const fresh = new EditionContent(edition, [paper(3, "Other", false)], {
      includeReplacements: false,
      translates: true,
      summaries: true,
    });
    const reader = subscriber(6, "zh-CN", ["消融实验"]);
    expect(fresh.digestFor(reader, options)).toBeNull();
    fresh.addTranslations(new Map([[3, { title: "其他", abstract: "一项消融实验。" }]]));
    expect(fresh.digestFor(reader, options)?.sections[0]?.papers[0]?.arxivId).toBe("2510.10003");
  });
});
