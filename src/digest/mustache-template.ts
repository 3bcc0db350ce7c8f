import Mustache from "mustache";
import { escapeHtml } from "./escape-html";

/** A Mustache template parsed once, filled with `render(view)`; values escaped by escapeHtml. */
export type FilledTemplate = (view: object) => string;

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/**
 * Parses `template` once and returns its filler. Two costs of plain `Mustache.render` are avoided:
 * it looks the template up in its cache by the whole text on every call (hashing kilobytes per
 * digest), and its parser builds each run of text one character at a time, leaving a rope of
 * thousands of one-character pieces that every rendering then walks to flatten.
 */
export function parseTemplate(template: string): FilledTemplate {
  const writer = new Mustache.Writer();
  const tokens = flattenText(writer.parse(template) as Token[]);
  const config = { escape: escapeHtml };
  return (view) =>
    writer.renderTokens(
      tokens as string[][],
      new Mustache.Context(view),
      undefined,
      template,
      config,
    );
}

function flattenText(tokens: Token[]): Token[] {
  for (const token of tokens) {
    // A fresh copy through a Buffer is one flat string.
    if (token[0] === "text") token[1] = Buffer.from(token[1], "utf8").toString("utf8");
    if (Array.isArray(token[4])) flattenText(token[4]);
  }
  return tokens;
}
