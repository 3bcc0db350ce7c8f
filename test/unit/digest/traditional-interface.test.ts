import { compileDigestTemplate } from "../../../src/digest/digest-html-template";
import { digestSubject } from "../../../src/digest/digest-mail-parts";
import { renderDigestText } from "../../../src/digest/render-digest-text";
import { sampleDigest, SAMPLE_LINKS } from "./support/sample-digest";

/**
 * The digest's own words (headings, notices, footer, subject) are written once, in Simplified,
 * and a zh-TW reader gets them converted: no string is maintained twice.
 */
describe("the digest's interface for a zh-TW reader", () => {
  it("is in Traditional in the subject, the text part and the HTML part; zh-CN is unchanged", async () => {
    const simplified = await sampleDigest();
    const traditional = { ...simplified, language: "zh-TW" as const };
    const template = await compileDigestTemplate();

    expect(digestSubject(simplified)).toMatch(/^arXiv 每日论文 2025-10-17 · 34 篇/);
    expect(digestSubject(traditional)).toMatch(/^arXiv 每日論文 2025-10-17 · 34 篇/);

    const text = renderDigestText(traditional, SAMPLE_LINKS);
    expect(text).toContain("arXiv 每日論文 · arXiv digest");
    expect(text).toContain("生成時間 Generated:");
    expect(text).toContain("今天共有 34 篇相關文章");
    expect(text).toContain("管理關鍵詞 Manage keywords:");
    expect(text).toContain("退訂 Unsubscribe:");
    expect(text).not.toMatch(/生成时间|管理关键词|退订/);
    expect(renderDigestText(simplified, SAMPLE_LINKS)).toContain("管理关键词 Manage keywords:");

    const html = template.render(traditional, SAMPLE_LINKS);
    expect(html).toContain("關鍵詞");
    expect(html).toContain("生成時間");
    expect(html).not.toMatch(/关键词|生成时间/);
    expect(template.render(simplified, SAMPLE_LINKS)).toContain("生成时间");
  });
});
