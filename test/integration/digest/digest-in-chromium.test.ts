import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { compileDigestTemplate } from "../../../src/digest/digest-html-template";
import type { Digest } from "../../../src/digest/digest";
import { sampleDigest, SAMPLE_LINKS } from "../../unit/digest/support/sample-digest";
import { DEBIAN_CHROMIUM } from "../../support/debian-packages";
import { launchChromium } from "../web/chromium";
import { describeNeeding } from "../../support/external-resources";

jest.setTimeout(120_000);

const ARTIFACTS = path.resolve(__dirname, "..", "..", "..", "test-artifacts");

/** The sample digest with the worst a feed can do to a narrow screen: a 160-letter word. */
function withLongWords(digest: Digest): Digest {
  const copy = structuredClone(digest);
  const paper = copy.sections[0]!.papers[0]!;
  paper.title = `Unbreakable ${"Transformer".repeat(15)} title`;
  paper.authors = [...paper.authors, `A${"b".repeat(120)}`];
  return copy;
}

interface Measured {
  color: string;
  background: string;
  contrast: number;
}

/**
 * Run in the page (as a string: this project compiles without DOM types). For the text blocks a
 * reader reads: the colour the browser computed, the first opaque background behind it, and
 * their WCAG contrast ratio.
 */
const READABILITY = `(() => {
  const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const [lr, lg, lb] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const pick = (selector) => {
    const element = document.querySelector(selector);
    if (!element) throw new Error("no " + selector + " in the digest");
    const fg = luminance(rgb(getComputedStyle(element).color));
    const bg = background(element);
    const b = luminance(bg);
    return {
      color: getComputedStyle(element).color,
      background: "rgb(" + bg.join(", ") + ")",
      contrast: (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05),
    };
  };
  return {
    abstract: pick('.card div[lang="en"]:not(:first-child)'),
    chinese: pick('.card div[lang^="zh"]'),
    meta: pick(".card .muted"),
    title: pick(".card a[id]"),
    mark: pick(".card mark"),
    footer: pick("td.muted div"),
    heading: pick("a.kw-heading"),
  };
})()`;

/** Whether the page is wider than the window, and the widest card. */
const OVERFLOW = `({
  scrollWidth: document.scrollingElement.scrollWidth,
  innerWidth: window.innerWidth,
  widest: Math.max(...[...document.querySelectorAll(".card")].map((c) => c.scrollWidth)),
})`;

describeNeeding(
  [DEBIAN_CHROMIUM],
  "the digest in Chromium, as a phone and a desktop client show it",
  () => {
    let browser: Browser;
    let page: Page;
    let html = "";
    const requests: string[] = [];

    beforeAll(async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const template = await compileDigestTemplate();
      html = template.render(withLongWords(await sampleDigest()), SAMPLE_LINKS);
      browser = await launchChromium();
      page = await browser.newPage();
      // A mail must show everything without fetching: any request is recorded and refused.
      await page.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    describe.each([375, 600])("at %i px wide", (width) => {
      for (const scheme of ["light", "dark"] as const) {
        it(`has no horizontal overflow and readable text (${scheme})`, async () => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          await page.setContent(html, { waitUntil: "load" });
          const size = await page.evaluate<{
            scrollWidth: number;
            innerWidth: number;
            widest: number;
          }>(OVERFLOW);
          await page.screenshot({
            path: path.join(ARTIFACTS, `digest-${width}px-${scheme}.png`),
            fullPage: true,
          });
          expect(size.innerWidth).toBe(width);
          expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
          expect(size.widest).toBeLessThanOrEqual(Math.min(width, 600));

          const colours = await page.evaluate<Record<string, Measured>>(READABILITY);
          // WCAG AA for body text; the small grey meta and footer lines at least AA for large text.
          const poor = Object.entries(colours).filter(
            ([part, m]) => m.contrast < (part === "meta" || part === "footer" ? 3 : 4.5),
          );
          expect(poor).toEqual([]);
          expect(requests).toEqual([]);
          const dark = colours.abstract?.background !== "rgb(255, 255, 255)";
          expect(dark).toBe(scheme === "dark");
          // A keyword heading is a link target, not a link: it keeps the text's colour.
          expect(colours.heading?.color).toBe(colours.abstract?.color);
        });
      }
    });

    it("fetched nothing: no image, font or style is needed", () => {
      expect(requests).toEqual([]);
    });
  },
);
