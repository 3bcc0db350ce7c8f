import fs from "node:fs";
import path from "node:path";
import { readInboundCommand } from "../../../src/inbound/inbound-command";
import { parseQuery } from "../../../src/match/query";
import { readSubscriberCsv } from "../../../src/subscribers/read-subscriber-csv";
import { printable } from "../../../src/transport/control-characters";
import { normalizeEmail } from "../../../src/transport/email-address";
import { makeTempDir } from "../../support/temp-dir";

// NUL made PostgreSQL answer 500 and SQLite store it and mail it; CR, escapes and bidi controls
// in an address reached the terminal raw. Every input path refuses them with one line.
const HOSTILE = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u202e", "\u2066"];

describe("control characters are refused on every input path", () => {
  it.each(HOSTILE)("an address with %j, naming the character, not echoing it", (c) => {
    expect(() => normalizeEmail(`ada${c}@example.org`)).toThrow(
      /control character \(U\+[0-9A-F]{4}\)/,
    );
    expect(() => normalizeEmail(`ada@example.org${c}`)).toThrow(/control character/);
    let message = "";
    try {
      normalizeEmail(`a${c}\r\nBcc: x@example.org`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(printable(message)).toBe(message);
    expect(message).not.toContain("Bcc");
  });

  it("an address with CR or LF inside", () => {
    expect(() => normalizeEmail("a\r\nb@example.org")).toThrow(/control character \(U\+000D\)/);
  });

  it.each(HOSTILE)("a keyword query with %j (web form, CLI, mail command, CSV)", (c) => {
    expect(() => parseQuery(`diffusion${c} policy`)).toThrow(
      /a keyword query contains a control character/,
    );
    const command = readInboundCommand("subscribe", `diffusion${c} policy\n`);
    expect(command.kind).toBe("invalid");
  });

  it("a tab in a query is folded into a space; a line break is refused (one query is one line)", () => {
    expect(parseQuery("diffusion\tpolicy").text).toBe("diffusion policy");
    expect(() => parseQuery("diffusion\r\nX-Injected: 1")).toThrow(/U\+000D/);
  });

  it("CSV import rejects such rows, and their report line is printable", async () => {
    const file = path.join(makeTempDir(), "hostile.csv");
    fs.writeFileSync(
      file,
      'email,keywords\nok@example.org,robots\n"cr\r\n@example.org",robots\nnul@example.org,ro\u0000bots\n',
    );
    const read = await readSubscriberCsv(file);
    expect(read.rows.map((r) => r.email)).toEqual(["ok@example.org"]);
    expect(read.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/control character \(U\+000D\)/),
      expect.stringMatching(/control character \(U\+0000\)/),
    ]);
    expect(printable(read.rejected[0]?.email ?? "")).toBe("cr\\u000d\\u000a@example.org");
  });
});

describe("IP-literal domains", () => {
  it.each(["user@127.0.0.1", "user@10.0.0.1", "user@[127.0.0.1]"])("refuses %j", (raw) => {
    expect(() => normalizeEmail(raw)).toThrow(/IP address|domain/);
  });

  it("still takes host names with digits", () => {
    expect(normalizeEmail("a@1und1.de")).toBe("a@1und1.de");
  });
});
