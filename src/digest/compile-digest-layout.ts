import fs from "node:fs/promises";
import path from "node:path";
import Mustache from "mustache";
import { onDemand } from "../on-demand";
import { TemplateError } from "./template-error";
import { messageOf } from "../errors";

/**
 * emails/digest.mjml compiled to HTML and cut into Mustache templates: the page, the paper card
 * it repeats, and the notice shown when abstracts were shortened.
 */
export interface CompiledDigestLayout {
  /**
   * The page; each section's cards go where `{{{cards}}}` stands, the shortening notice (or
   * nothing) where `{{{shortenedNotice}}}` does.
   */
  page: string;
  /** One paper card: rendered once per paper and cached, not per subscriber. */
  card: string;
  /** The `{{#shortened}}…{{/shortened}}` block of the page. */
  shortenedNotice: string;
}

export const DEFAULT_TEMPLATE = path.resolve(__dirname, "..", "..", "emails", "digest.mjml");

/**
 * Runs MJML once (strict validation, minified), then cuts the compiled HTML at the
 * `{{#papers}}…{{/papers}}` loop, so a card can be filled without the page around it, and at the
 * `{{#shortened}}…{{/shortened}}` block, so the page is filled once whichever way the size goes.
 */
export async function compileDigestLayout(file = DEFAULT_TEMPLATE): Promise<CompiledDigestLayout> {
  const source = await fs.readFile(file, "utf8");
  const result = await onDemand
    .mjml()(source, mjmlOptions(file))
    .catch((error: unknown) => {
      // Strict validation throws with every problem listed, each with its line.
      throw new TemplateError(`${file} is not valid MJML: ${describeMjmlError(error)}`);
    });
  const html = tightenMarkup(result.html);
  const card = cutBlock(html, "papers", "cards", file);
  const notice = cutBlock(card.rest, "shortened", "shortenedNotice", file);
  for (const template of [notice.rest, card.block, notice.block]) Mustache.parse(template);
  return { page: notice.rest, card: card.block, shortenedNotice: notice.block };
}

/** Cuts the `{{#name}}…{{/name}}` block out of `html`, leaving `{{{placeholder}}}` in its place. */
function cutBlock(html: string, name: string, placeholder: string, file: string) {
  const open = `{{#${name}}}`;
  const close = `{{/${name}}}`;
  const start = html.indexOf(open);
  const end = html.indexOf(close, start);
  if (start < 0 || end < 0 || html.indexOf(open, start + 1) >= 0) {
    throw new TemplateError(`${file}: expected one ${open}…${close} block in the layout`);
  }
  return {
    block: html.slice(start + open.length, end),
    rest: `${html.slice(0, start)}{{{${placeholder}}}}${html.slice(end + close.length)}`,
  };
}

/**
 * How the layout is compiled: strict, partials from its own folder, no web fonts. MJML's own
 * minifier is not used: it loads htmlnano by dynamic import, which jest refuses without
 * --experimental-vm-modules; tightenMarkup does what matters here.
 */
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
    beautify: false,
  };
}

function describeMjmlError(error: unknown): string {
  const errors = (error as { errors?: { formattedMessage?: string }[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((e) => e.formattedMessage ?? "").join("; ");
  }
  return messageOf(error);
}

const BLOCK_TAG = "(?:html|head|meta|title|style|body|div|table|tbody|tr|td|p|br)";

/**
 * Minifies MJML's output: whitespace runs become one space (nothing here is preformatted),
 * whitespace around block and table tags goes, where it never shows, and so do empty class
 * attributes. Every byte counts towards Gmail's clipping limit.
 */
function tightenMarkup(html: string): string {
  return (
    html
      .replace(/\s+/g, " ")
      .replace(/ class=""/g, "")
      .replace(new RegExp(`(<\\/?${BLOCK_TAG}\\b[^>]*>) `, "g"), "$1")
      .replace(new RegExp(` (?=<\\/?${BLOCK_TAG}\\b)`, "g"), "")
      .replace(/> (?=<!--)|(?<=-->) </g, (m) => m.trim())
      // Loop and section tags between elements: the space around them would repeat per paper.
      .replace(/> ?(\{\{[#/^][^}]*\}\}) ?</g, ">$1<")
  );
}
