import path from "node:path";
import fs from "node:fs/promises";
import mjml2html from "mjml";
import he from "he";
import Mustache from "mustache";
import type { Digest } from "./digest";
import { digestSubject, digestTimes, type DigestLinks } from "./digest-mail-parts";
import { authorLine, readableText, subjectLine } from "./format-paper";

/** A digest layout compiled once; `render` only fills it in (no MJML per subscriber). */
export interface DigestHtmlTemplate {
  render(digest: Digest, links: DigestLinks): string;
}

export const DEFAULT_TEMPLATE = path.resolve(__dirname, "..", "..", "emails", "digest.mjml");

/**
 * Compiles emails/digest.mjml with MJML (strict validation) into HTML that still holds Mustache
 * tags, then parses those once. Mustache escapes every value, so feed text can never become markup.
 */
export async function compileDigestTemplate(file = DEFAULT_TEMPLATE): Promise<DigestHtmlTemplate> {
  const source = await fs.readFile(file, "utf8");
  const result = await mjml2html(source, mjmlOptions(file));
  const html = result.html.replace(/>\s+</g, "> <").replace(/\n\s*/g, "\n");
  Mustache.parse(html);
  // Escape the five HTML specials only: Mustache's default also escapes "/" and "=", which
  // turns every link into entity soup that some mail clients' link checkers do not decode.
  const escape = (value: unknown) => he.escape(String(value));
  return {
    render: (digest, links) => Mustache.render(html, digestView(digest, links), {}, { escape }),
  };
}

/** How the layout is compiled: strict, partials from its own folder, no web fonts. */
export function mjmlOptions(file: string) {
  return {
    filePath: file,
    // Partials live beside the layout; MJML 5 ignores includes unless told where they may come from.
    ignoreIncludes: false,
    includePath: path.dirname(file),
    // No web fonts: a digest must not fetch anything from third parties.
    fonts: {},
    validationLevel: "strict" as const,
    keepComments: false,
    minify: false,
  };
}

/** The values the template's Mustache tags read; every string is escaped when filled in. */
export function digestView(digest: Digest, links: DigestLinks): object {
  const times = digestTimes(digest);
  const count = digest.uniquePaperCount;
  return {
    ...times,
    subject: digestSubject(digest),
    preheader: `${count} 篇 · ${digest.sections.map((s) => `${s.query} (${s.papers.length})`).join(" · ")}`,
    editionDate: digest.editionDate,
    uniquePaperCount: count,
    paperNoun: count === 1 ? "paper" : "papers",
    omittedPaperCount: digest.omittedPaperCount,
    missingTranslations: digest.missingTranslations,
    recipient: digest.recipient.email,
    unsubscribeUrl: links.unsubscribeUrl,
    zhLang: digest.language ?? "zh-CN",
    toc: digest.sections.map((section, index) => ({
      index,
      query: section.query,
      count: section.papers.length,
      last: index === digest.sections.length - 1,
    })),
    sections: digest.sections.map((section, index) => ({
      index,
      query: section.query,
      count: section.papers.length,
      papers: section.papers.map((paper) => ({
        ...paper,
        title: readableText(paper.title),
        abstract: readableText(paper.abstract),
        authorLine: authorLine(paper),
        subjectLine: subjectLine(paper),
      })),
    })),
  };
}
