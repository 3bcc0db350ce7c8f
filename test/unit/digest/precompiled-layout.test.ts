import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_TEMPLATE } from "../../../src/digest/compile-digest-layout";
import { layoutKey } from "../../../src/digest/precompiled-layout";

/** A copy of emails/ in a folder of its own, so one of its files can be edited. */
function copyOfEmails(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arxiv-digest-layout-"));
  fs.cpSync(path.dirname(DEFAULT_TEMPLATE), dir, { recursive: true });
  return path.join(dir, path.basename(DEFAULT_TEMPLATE));
}

describe("the key a precompiled layout is stored under", () => {
  it("is the same for the same sources wherever they lie", async () => {
    expect(await layoutKey(copyOfEmails())).toBe(await layoutKey(DEFAULT_TEMPLATE));
  });

  it("changes when a partial changes, so an edited template is compiled again", async () => {
    const file = copyOfEmails();
    const before = await layoutKey(file);
    fs.appendFileSync(path.join(path.dirname(file), "partials", "footer.mjml"), "\n");
    expect(await layoutKey(file)).not.toBe(before);
  });

  it("changes when a partial is added", async () => {
    const file = copyOfEmails();
    const before = await layoutKey(file);
    fs.writeFileSync(path.join(path.dirname(file), "partials", "new.mjml"), "<mj-text />");
    expect(await layoutKey(file)).not.toBe(before);
  });
});
