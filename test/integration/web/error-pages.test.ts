import http from "node:http";
import { startWebTestServer, type WebTestServer } from "./web-test-server";

jest.setTimeout(60_000);

/** In every hostile URL and body below; it must never come back. */
const MARKER = "zq7marker";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request sent as written: fetch() would percent-encode "<script>" and refuse some paths, and
 * the router's refusals are reached only by what a hostile client can really put on the wire.
 */
function raw(
  base: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** A page of ours: HTML in both languages with the pages' security headers, the input not echoed. */
function expectErrorPage(answer: Answer, status: number, zh: string, en: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
  expect(answer.headers["x-frame-options"]).toBe("DENY");
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["referrer-policy"]).toBe("same-origin");
  expect(answer.headers["cache-control"]).toBe("no-store");
  expect(answer.body).toMatch(/^<!doctype html>/);
  expect(answer.body).toContain(zh);
  expect(answer.body).toContain(en);
  expect(answer.body).not.toContain(MARKER);
  expect(answer.body).not.toContain("<script");
  expect(answer.body).not.toContain("FST_");
}

describe("every error is a bilingual page with the security headers, echoing nothing", () => {
  let web: WebTestServer;
  const hostile = `${MARKER}<script>alert(1)</script>`;

  beforeAll(async () => {
    web = await startWebTestServer("sqlite", []);
  });
  afterAll(() => web.close());

  it("404: an unknown URL, with a hostile path and query", async () => {
    const answer = await raw(web.base, "GET", `/no/such/${hostile}?q=${hostile}`);
    expectErrorPage(answer, 404, "页面不存在", "Page not found");
    // An unknown method on a known path is not found too.
    expectErrorPage(
      await raw(web.base, "DELETE", `/?${hostile}`),
      404,
      "页面不存在",
      "Page not found",
    );
  });

  it("414: a link key longer than any of ours", async () => {
    const answer = await raw(web.base, "GET", `/manage/${"a".repeat(150)}${hostile}`);
    expectErrorPage(answer, 414, "地址太长", "Address too long");
  });

  it("400: a URL the router cannot decode", async () => {
    const answer = await raw(web.base, "GET", `/manage/%E0%A4%A${hostile}`);
    expectErrorPage(answer, 400, "请求无效", "Bad request");
  });

  it("400: a malformed JSON body", async () => {
    const answer = await raw(web.base, "POST", "/subscribe", `{"email": "${hostile}`, {
      "content-type": "application/json",
    });
    expectErrorPage(answer, 400, "请求无效", "Bad request");
  });

  it("413: a body over the limit", async () => {
    const answer = await raw(web.base, "POST", "/subscribe", `email=${hostile.repeat(2_000)}`, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expectErrorPage(answer, 413, "请求太大", "Request too large");
  });

  it("415: a content type no form sends, named in the header", async () => {
    const answer = await raw(web.base, "POST", "/subscribe", hostile, {
      "content-type": `text/${MARKER}`,
    });
    expectErrorPage(answer, 415, "无法读取表单", "Form not readable");
  });

  it("answers JSON where machines ask: /healthz, and errors under /webhooks/", async () => {
    const health = await raw(web.base, "GET", "/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
    const hook = await raw(web.base, "POST", `/webhooks/${hostile}`, "{}", {
      "content-type": "application/json",
    });
    expect(hook.status).toBe(404);
    expect(hook.headers["content-type"]).toMatch(/^application\/json/);
    expect(hook.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.parse(hook.body)).toMatchObject({ error: "Page not found" });
    expect(hook.body).not.toContain(MARKER);
  });
});
