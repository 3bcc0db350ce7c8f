import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { DEBIAN_CHROMIUM } from "../../support/debian-packages";
import { launchChromium } from "./chromium";
import { describeNeeding } from "../../support/external-resources";
import { startWebTestServer, type WebTestServer } from "./web-test-server";

jest.setTimeout(120_000);

/** A page on another origin with plain forms that post to our server (what a hostile site can do). */
async function startOtherSite(target: string, managePath: () => string) {
  const server = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<!doctype html><html><body>
<form id="subscribe" method="post" action="${target}/subscribe">
<input name="email" value="from-elsewhere@example.org"><input name="keywords" value="graphs">
<button>subscribe</button></form>
<form id="leave" method="post" action="${target}${managePath()}">
<input type="hidden" name="action" value="unsubscribe"><button>leave</button></form>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // "localhost" is another origin than the server's "127.0.0.1".
  return { url: `http://localhost:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

describeNeeding(
  [DEBIAN_CHROMIUM],
  "subscribing, confirming, editing and leaving in Chromium",
  () => {
    let web: WebTestServer;
    let browser: Browser;
    let page: Page;
    let manageUrl = "";
    const subscriber = () => web.app.subscribers.findByEmail("reader@example.org");

    beforeAll(async () => {
      // One subscriber already mailed, so there is an edition to preview.
      web = await startWebTestServer("sqlite", ["earlier@example.org"]);
      browser = await launchChromium();
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it("subscribes on the page and gets a confirmation mail", async () => {
      await page.goto(`${web.base}/`);
      await page.getByLabel(/Email address/).fill("Reader@Example.org");
      await page.getByLabel(/Keywords \(one per line\)/).fill('"diffusion policy"\nrobots');
      await page.getByLabel("繁體中文").check();
      await page.getByRole("button", { name: /Subscribe/ }).click();
      await page.getByRole("heading", { name: /Check your inbox/ }).waitFor();
      expect(await page.getByRole("status").textContent()).toContain("reader@example.org");
      expect(await subscriber()).toMatchObject({ status: "pending", language: "zh-TW" });
    });

    it("follows the link in the mail the SMTP server received and presses confirm", async () => {
      const mail = web.sink.messages.filter((m) => JSON.stringify(m.to).includes("reader@")).at(-1);
      const link = new RegExp(`${web.base}/confirm/\\S+`).exec(mail?.text ?? "")?.[0];
      expect(link).toBeDefined();
      await page.goto(link ?? "");
      // Opening the link changes nothing: mail scanners open links too.
      expect((await subscriber())?.status).toBe("pending");
      await page.getByRole("button", { name: /Confirm/ }).click();
      await page.getByRole("heading", { name: /You are subscribed/ }).waitFor();
      expect((await subscriber())?.status).toBe("active");
      await page.getByRole("link", { name: /Manage keywords/ }).click();
      await page.getByRole("heading", { name: /Manage your subscription/ }).waitFor();
      manageUrl = page.url();
    });

    it("edits keywords: a bad one is shown next to its field, a good list is saved", async () => {
      await page.locator("#keyword-1").fill("grasping OR -robot");
      await page.getByRole("button", { name: /Save keywords/ }).click();
      const error = page.locator("#keyword-1-error");
      await error.waitFor();
      expect(await error.textContent()).toContain("only excludes");
      expect(await page.locator("#keyword-1").getAttribute("aria-invalid")).toBe("true");
      expect((await subscriber())?.keywords).toEqual(['"diffusion policy"', "robots"]);

      await page.locator("#keyword-1").fill("robots -survey");
      await page.locator("#keyword-2").fill("cat:cs.RO");
      // Enter in a field saves (it does not press the first row's remove button).
      await page.locator("#keyword-2").press("Enter");
      await page.getByText("Your keywords are saved").waitFor();
      expect((await subscriber())?.keywords).toEqual([
        '"diffusion policy"',
        "robots -survey",
        "cat:cs.RO",
      ]);
      await page.getByRole("button", { name: "Move keyword 3 up" }).click();
      await page.getByText("Your keywords are saved").waitFor();
      expect((await subscriber())?.keywords).toEqual([
        '"diffusion policy"',
        "cat:cs.RO",
        "robots -survey",
      ]);
      expect(await page.getByText(/would have sent/).count()).toBe(1);
    });

    it("refuses a form on another site that posts to the manage page; /subscribe still works from there", async () => {
      const other = await startOtherSite(web.base, () => new URL(manageUrl).pathname);
      try {
        const hostile = await browser.newPage();
        await hostile.goto(other.url);
        await hostile.locator("#leave button").click();
        await hostile.getByRole("heading", { name: /Request refused/ }).waitFor();
        expect((await subscriber())?.status).toBe("active");
        await hostile.goto(other.url);
        await hostile.locator("#subscribe button").click();
        await hostile.getByRole("heading", { name: /Check your inbox/ }).waitFor();
        expect((await web.app.subscribers.findByEmail("from-elsewhere@example.org"))?.status).toBe(
          "pending",
        );
        await hostile.close();
      } finally {
        await other.close();
      }
    });

    it("fits a phone's width: no page scrolls sideways at 360 px", async () => {
      const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
      for (const url of [`${web.base}/`, manageUrl, `${web.base}/manage`]) {
        await phone.goto(url);
        const width = await phone.evaluate<number>("document.documentElement.scrollWidth");
        expect(width).toBeLessThanOrEqual(360);
      }
      await phone.close();
    });

    it("unsubscribes from the manage page", async () => {
      await page.goto(manageUrl);
      await page.getByRole("button", { name: /Unsubscribe/ }).click();
      await page.getByText("You are unsubscribed").waitFor();
      expect((await subscriber())?.status).toBe("unsubscribed");
    });
  },
);
