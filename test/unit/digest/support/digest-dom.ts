import { DomUtils, parseDocument } from "htmlparser2";

type Element = ReturnType<typeof DomUtils.findAll>[number];

/** One paper card of a rendered digest, read back with a real HTML parser. */
export interface ParsedCard {
  anchor: string;
  title: string;
  titleHref: string;
  zhTitle?: string;
  /** The one-line summary under the Chinese title, label included. */
  zhSummary?: string;
  meta: string;
  links: Record<string, string>;
  abstract: Element;
  zhAbstract?: Element;
  marks: string[];
  /** The marks in the Chinese title and abstract. */
  zhMarks: string[];
}

export const text = (node: Element | Element[]): string =>
  DomUtils.textContent(node).replace(/\s+/g, " ").trim();

export const attr = (node: Element, name: string): string =>
  DomUtils.getAttributeValue(node, name) ?? "";

const hasClass = (node: Element, name: string): boolean =>
  attr(node, "class").split(/\s+/).includes(name);

/** The parsed document and its paper cards, in order. */
export function parseDigest(html: string) {
  const document = parseDocument(html);
  const all = DomUtils.findAll(() => true, document.children);
  const cards = all
    .filter((node) => node.name === "div" && hasClass(node, "card"))
    .map((card): ParsedCard => {
      const blocks = card.children.filter((c): c is Element => (c as Element).name === "div");
      const [titleBlock, ...others] = blocks;
      const summary = others.find((b) => hasClass(b, "summary"));
      const rest = others.filter((b) => b !== summary);
      const titleLink = DomUtils.findOne((n) => n.name === "a", titleBlock?.children ?? []);
      const meta = rest.find((b) => hasClass(b, "muted"));
      const zh = rest.filter((b) => attr(b, "lang").startsWith("zh"));
      const links = Object.fromEntries(
        DomUtils.findAll((n) => n.name === "a", meta ? [meta] : []).map((a) => [
          text(a).startsWith("arXiv:") ? "abs" : text(a).toLowerCase(),
          attr(a, "href"),
        ]),
      );
      return {
        anchor: titleLink ? attr(titleLink, "id") : "",
        title: titleLink ? text(titleLink) : "",
        titleHref: titleLink ? attr(titleLink, "href") : "",
        zhTitle: zh[0] ? text(zh[0]) : undefined,
        zhSummary: summary ? text(summary) : undefined,
        meta: meta ? text(meta) : "",
        links,
        abstract: rest.find((b) => attr(b, "lang") === "en") as Element,
        zhAbstract: zh[1],
        marks: DomUtils.findAll((n) => n.name === "mark", [card]).map((m) => text(m)),
        zhMarks: DomUtils.findAll((n) => n.name === "mark", zh).map((m) => text(m)),
      };
    });
  return { document, all, cards };
}
