import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mjml2html from "mjml";
import {
  compileDigestLayout,
  DEFAULT_TEMPLATE,
  mjmlOptions,
} from "../../../src/digest/compile-digest-layout";
import { TemplateError } from "../../../src/digest/template-error";

describe("the MJML layout in emails/", () => {
  it("passes MJML's strict validation", async () => {
    const source = fs.readFileSync(DEFAULT_TEMPLATE, "utf8");
    const result = await mjml2html(source, mjmlOptions(DEFAULT_TEMPLATE));
    expect(result.errors).toEqual([]);
  });

  it("has the partials the issue names, each included", () => {
    const dir = path.join(path.dirname(DEFAULT_TEMPLATE), "partials");
    const partials = fs.readdirSync(dir).sort();
    expect(partials).toEqual([
      "footer.mjml",
      "header.mjml",
      "keyword-section.mjml",
      "paper-card.mjml",
      "table-of-contents.mjml",
    ]);
  });

  it("compiles into a page, a card and a notice, with the card's loop cut out", async () => {
    const layout = await compileDigestLayout();
    expect(layout.page).toContain("{{{cards}}}");
    expect(layout.page).toContain("{{{shortenedNotice}}}");
    expect(layout.page).not.toContain("{{#papers}}");
    expect(layout.card).toContain("{{{titleHtml}}}");
    expect(layout.shortenedNotice).toContain("{{webViewUrl}}");
  });

  describe("a broken layout stops the program with the file and MJML's complaint", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-template-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("rejects an attribute MJML does not know", async () => {
      const file = path.join(dir, "bad.mjml");
      fs.writeFileSync(
        file,
        '<mjml><mj-body><mj-section><mj-column><mj-text colour="red">x</mj-text></mj-column></mj-section></mj-body></mjml>',
      );
      const error = await compileDigestLayout(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TemplateError);
      expect(String((error as Error).message)).toMatch(/bad\.mjml is not valid MJML: .*colour/);
    });

    it("rejects a layout without the paper loop", async () => {
      const file = path.join(dir, "no-loop.mjml");
      fs.writeFileSync(
        file,
        "<mjml><mj-body><mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section></mj-body></mjml>",
      );
      await expect(compileDigestLayout(file)).rejects.toThrow(/expected one \{\{#papers\}\}/);
    });
  });
});
