import crypto from "node:crypto";
import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import { createServer } from "../../../src/web/create-server";
import { createTestDatabase, type TestDatabaseKind } from "../../support/databases";
import { freePort } from "../../support/free-port";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { EXAMPLE_FEED } from "../../support/temp-dir";

/** A running server on 127.0.0.1 over its own database, mailing to a real SMTP sink. */
export interface WebTestServer {
  app: App;
  sink: SmtpSink;
  base: string;
  env: Record<string, string>;
  /**
   * Requests as a browser's form would send them, each from an address of its own (through the
   * trusted local proxy header), so the per-IP limits bite only where a test sends its own.
   */
  post(path: string, body: string, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  /** Digest links of the one edition mailed at start, by recipient. */
  digestLink(email: string, kind: "manage" | "digest"): string;
  close(): Promise<void>;
}

/**
 * Subscribes `subscribed` (confirmed, by the CLI), mails them the bundled edition, then serves
 * the pages. PUBLIC_URL is the server's own address, as a browser would see it.
 */
export async function startWebTestServer(
  kind: TestDatabaseKind,
  subscribed: string[],
  moreEnv: Record<string, string> = {},
): Promise<WebTestServer> {
  const sink = await startSmtpSink();
  const database = createTestDatabase(kind);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: database.url, SMTP_URL: sink.url, PUBLIC_URL: base, ...moreEnv };
  for (const email of subscribed) {
    await runCliWith(env, "subscriber", "add", email, "-k", '"diffusion policy"', "--confirmed");
  }
  if (subscribed.length > 0) await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
  const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
  const server = createServer(app.pages);
  await server.listen({ port, host: "127.0.0.1" });
  return {
    app,
    sink,
    base,
    env,
    post: (path, body, headers = {}) =>
      fetch(`${base}${path}`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": someIp(),
          ...headers,
        },
      }),
    get: (path) => fetch(`${base}${path}`, { headers: { "x-forwarded-for": someIp() } }),
    digestLink(email, linkKind) {
      const mail = sink.messages.find((m) => JSON.stringify(m.to).includes(email));
      const pattern =
        linkKind === "manage" ? /\/manage\/\d+\.[\w-]+/ : /\/digest\/[\d-]+\/\d+\.[\w-]+/;
      const path = pattern.exec(mail?.text ?? "")?.[0];
      if (!path) throw new Error(`no ${linkKind} link in the digest mailed to ${email}`);
      return path;
    },
    async close() {
      await server.close();
      await app.close();
      await sink.close();
      await database.drop();
    },
  };
}

const someIp = () =>
  `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

/** The links of the last mail sent to `email` that point at our pages. */
export function linkInLastMail(sink: SmtpSink, email: string, kind: "confirm" | "manage"): string {
  const mail = sink.messages.filter((m) => JSON.stringify(m.to).includes(email)).at(-1);
  const path = new RegExp(`/${kind}/m?\\d+\\.[\\w-]+`).exec(mail?.text ?? "")?.[0];
  if (!path) throw new Error(`no ${kind} link in the last mail to ${email}`);
  return path;
}
