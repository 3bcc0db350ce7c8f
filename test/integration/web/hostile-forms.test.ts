import fc from "fast-check";
import { printable } from "../../../src/transport/control-characters";
import { allPages } from "../../../src/subscribers/subscriber";
import { describeEachDatabase } from "../../support/databases";
import { startWebTestServer, type WebTestServer } from "./web-test-server";

jest.setTimeout(300_000);

/** Something no form field may carry: controls, NUL, header injection, bidi overrides. */
const hostileFragment = fc.constantFrom(
  "\u0000",
  "\r\nX-Injected: 1",
  "\nBcc: victim@example.net",
  "\u001b[2J",
  "\u0007",
  "\u0085",
  "\u202eevil",
  "\u2066",
  "\u007f",
);

/**
 * Random text with a hostile fragment inside it (not at an end, where a line break is only
 * surrounding whitespace that every field trims).
 */
const hostile = fc
  .tuple(fc.string({ maxLength: 40 }), hostileFragment, fc.string({ maxLength: 40 }))
  .map(([before, bad, after]) => `x${before}${bad}${after}x`);

/** A plausible value with a hostile fragment: an address, a query, a setting. */
const hostileEmail = fc
  .tuple(fc.constantFrom("ada", "x.y+z"), hostileFragment, fc.constantFrom("@example.org", ""))
  .map(([local, bad, domain]) => `${local}${bad}${domain}`);
const hostileQuery = fc.oneof(
  hostile,
  hostileFragment.map((bad) => `"diffusion policy"${bad} robots`),
);

const body = (fields: [string, string][]) => new URLSearchParams(fields).toString();

describeEachDatabase("every form route under random hostile input (%s)", (kind) => {
  let web: WebTestServer;
  let manage: string;
  const snapshot = async () =>
    JSON.stringify(
      (await allPages(web.app.subscribers.pages())).map(({ createdAt: _c, ...s }) => s),
    );

  beforeAll(async () => {
    web = await startWebTestServer(kind, ["reader@example.org"]);
    manage = web.digestLink("reader@example.org", "manage");
  });
  afterAll(() => web.close());

  /** Sends one request; the answer must be a page (never 5xx), and nothing may change. */
  async function refused(path: string, fields: [string, string][]) {
    const before = { stored: await snapshot(), mails: web.sink.messages.length };
    const answer = await web.post(path, body(fields), {
      origin: web.base,
      "sec-fetch-site": "same-origin",
    });
    expect(answer.status).toBeLessThan(500);
    await answer.text();
    expect(await snapshot()).toBe(before.stored);
    expect(web.sink.messages.length).toBe(before.mails);
  }

  const runs = { numRuns: 25 };

  it("POST /subscribe", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(hostileEmail, fc.constant("robots")),
          // The textarea's line breaks separate queries: anything else hostile in a line.
          fc.tuple(
            fc.constant("fuzz@example.org"),
            hostileQuery.filter((q) => !/\n/.test(q)),
          ),
        ),
        fc.constantFrom("zh-CN", "zh-TW"),
        async ([email, keywords], language) =>
          refused("/subscribe", [
            ["email", email],
            ["keywords", keywords],
            ["language", language],
          ]),
      ),
      runs,
    );
  });

  it("POST /manage (mail me a link)", async () => {
    await fc.assert(
      fc.asyncProperty(hostileEmail, async (email) => refused("/manage", [["email", email]])),
      runs,
    );
  });

  it("POST /manage/<key>: keywords and settings", async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, hostile, async (query, setting) => {
        await refused(manage, [
          ["action", "keywords"],
          ["keyword", "robots"],
          ["keyword", query],
        ]);
        await refused(manage, [
          ["action", "settings"],
          ["language", "zh-CN"],
          ["timeZone", setting],
        ]);
        await refused(manage, [["action", setting]]);
      }),
      runs,
    );
  });

  it("POST /confirm/<key> and /unsubscribe/<key> with hostile keys", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (key) => {
        const path = encodeURIComponent(key);
        await refused(`/confirm/${path}`, [["confirm", "1"]]);
        await refused(`/unsubscribe/${path}`, [["List-Unsubscribe", "One-Click"]]);
      }),
      runs,
    );
  });

  it("no header of any mail written carries input", () => {
    for (const mail of web.sink.messages) {
      for (const { line } of mail.headerLines) {
        expect(line).not.toMatch(/X-Injected|victim@/);
        const unfolded = line.replace(/\r?\n[ \t]+/g, " ");
        expect(printable(unfolded)).toBe(unfolded);
      }
    }
  });
});
