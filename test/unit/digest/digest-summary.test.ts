import { compileDigestTemplate } from "../../../src/digest/digest-html-template";
import type { Digest } from "../../../src/digest/digest";
import { renderDigestText } from "../../../src/digest/render-digest-text";
import { attr, parseDigest } from "./support/digest-dom";
import { sampleDigest, SAMPLE_LINKS } from "./support/sample-digest";

const SUMMARY = "提出一种扩散策略，在 LIBERO 上以更少演示取得更高成功率。";

/** The reference digest with a summary on its first paper only. */
async function digestWithSummary(language: Digest["language"]): Promise<Digest> {
  const digest = structuredClone(await sampleDigest());
  const first = digest.sections[0]!.papers[0]!;
  first.translation = { ...first.translation!, summary: SUMMARY };
  return { ...digest, language };
}

describe("the one-line Chinese summary in the digest", () => {
  it("sits muted under the Chinese title in the HTML (mail and web view), only where there is one", async () => {
    const template = await compileDigestTemplate();
    const digest = await digestWithSummary("zh-CN");
    const { cards } = parseDigest(template.render(digest, SAMPLE_LINKS, { maxHtmlKb: Infinity }));
    const first = digest.sections[0]!.papers[0]!;
    expect(cards[0]!.zhTitle).toBe(first.translation!.title);
    expect(cards[0]!.zhSummary).toBe(`一句话总结：${SUMMARY}`);
    expect(cards.slice(1).map((c) => c.zhSummary)).toEqual(Array(cards.length - 1).fill(undefined));
  });

  it("is labelled in Traditional Chinese in a zh-TW digest", async () => {
    const template = await compileDigestTemplate();
    const html = template.render(await digestWithSummary("zh-TW"), SAMPLE_LINKS);
    const [card] = parseDigest(html).cards;
    expect(card!.zhSummary).toBe(`一句話總結：${SUMMARY}`);
    expect(html).toMatch(/<div class="muted summary" lang="zh-TW"/);
    expect(attr(card!.zhAbstract!, "lang")).toBe("zh-TW");
  });

  it("follows the Chinese title in the plain-text part", async () => {
    const digest = await digestWithSummary("zh-CN");
    const first = digest.sections[0]!.papers[0]!;
    const out = renderDigestText(digest, SAMPLE_LINKS);
    expect(out).toContain(`${first.translation!.title}\n一句话总结：${SUMMARY}\n- Authors`);
    expect(out.match(/一句话总结/g)).toHaveLength(1);
  });
});
