import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES, loadConfig } from "../../../src/config";
import { DEBIAN_DOCKER_COMPOSE, DOCKER_COMPOSE } from "../../support/debian-packages";
import { describeNeeding } from "../../support/external-resources";
import { makeTempDir } from "../../support/temp-dir";

const ROOT = path.resolve(__dirname, "..", "..", "..");
/** The compose file in a folder of its own, with .env made from .env.example as README says. */
function composeProject(): string {
  const dir = makeTempDir("compose-");
  fs.copyFileSync(path.join(ROOT, "docker-compose.yml"), path.join(dir, "docker-compose.yml"));
  fs.copyFileSync(path.join(ROOT, ".env.example"), path.join(dir, ".env"));
  return dir;
}

function compose(dir: string, ...args: string[]): string {
  return composeWith({}, dir, ...args);
}

/** Runs docker-compose with these variables set in its environment (as `X=y docker compose …`). */
function composeWith(vars: Record<string, string>, dir: string, ...args: string[]): string {
  // The test's own SMTP_URL, if any, must not reach the compose file.
  const env = { ...process.env };
  delete env.SMTP_URL;
  Object.assign(env, vars);
  return execFileSync(DOCKER_COMPOSE as string, args, { cwd: dir, encoding: "utf8", env });
}

/** The `environment:` block of one service in `docker-compose config` output (block YAML). */
function serviceEnvironment(config: string, service: string): Record<string, string> {
  const lines = config.split("\n");
  const start = lines.findIndex((l) => l === `  ${service}:`);
  const env: Record<string, string> = {};
  let inEnvironment = false;
  for (const line of lines.slice(start + 1)) {
    if (/^ {2}\S/.test(line) || /^\S/.test(line)) break;
    if (/^ {4}\S/.test(line)) inEnvironment = line === "    environment:";
    const entry = /^ {6}([A-Z0-9_]+): ?(.*)$/.exec(line);
    if (inEnvironment && entry) {
      env[entry[1] as string] = (entry[2] as string).replace(/^'(.*)'$|^"(.*)"$/, "$1$2");
    }
  }
  return env;
}

describeNeeding([DEBIAN_DOCKER_COMPOSE], "docker-compose.yml (Debian's docker-compose)", () => {
  it("is valid with .env copied from .env.example", () => {
    expect(() => compose(composeProject(), "config", "-q")).not.toThrow();
  });

  it("gives the app a configuration that loads: PostgreSQL, every variable, no Mailpit unasked", () => {
    const config = compose(composeProject(), "config");
    const env = serviceEnvironment(config, "app");
    for (const name of CONFIG_VARIABLES) expect(Object.keys(env)).toContain(name);
    const loaded = loadConfig(env);
    expect(loaded.databaseUrl).toBe("postgresql://digest:digest@db:5432/digest");
    // .env.example as shipped: mail is kept as .eml files in a volume, not sent to a Mailpit
    // that only the dev profile starts.
    expect(loaded.mail.smtpUrl).toBeUndefined();
    expect(config).toMatch(/- outbox:\/app\/outbox/);
    const dev = composeWith({ SMTP_URL: "smtp://mailpit:1025" }, composeProject(), "config");
    expect(loadConfig(serviceEnvironment(dev, "app")).mail.smtpUrl).toBe("smtp://mailpit:1025");
    expect(config).toMatch(/^ {4}image: postgres:16$/m);
    expect(config).toMatch(/db-data:\/var\/lib\/postgresql\/data/);
    expect(config).toMatch(/^ {2}mailpit:\n(?: {4}.*\n)*? {4}profiles:\n {4}- dev$/m);
  });

  it("offers senders to scale in the senders profile: send in a loop, on the app's database", () => {
    const config = compose(composeProject(), "--profile", "senders", "config");
    const sender = /^ {2}sender:\n((?: {4}.*\n| {6}.*\n)+)/m.exec(config)?.[1] ?? "";
    expect(sender).toMatch(/node bin\/arxiv-digest\.js send;/);
    // Only asked for: a plain `up` starts the app alone, as before.
    expect(sender).toMatch(/profiles:\n {4}- senders/);
    // Nothing that forbids `--scale sender=3`: a fixed container name or a published port.
    expect(sender).not.toMatch(/ports:|container_name:/);
    const env = serviceEnvironment(config, "sender");
    expect(loadConfig(env).databaseUrl).toBe(
      loadConfig(serviceEnvironment(config, "app")).databaseUrl,
    );
  });

  it("offers Caddy in the tls profile, serving PUBLIC_URL's host on 80 and 443", () => {
    const config = composeWith(
      { PUBLIC_URL: "https://digest.example.org" },
      composeProject(),
      "config",
    );
    const caddy = /^ {2}caddy:\n((?: {4}.*\n)+)/m.exec(config)?.[1] ?? "";
    expect(caddy).toMatch(
      /command: caddy reverse-proxy --from https:\/\/digest\.example\.org --to app:3000/,
    );
    expect(caddy).toMatch(/profiles:\n {4}- tls/);
    expect(caddy).toMatch(/published: 443/);
    expect(caddy).toMatch(/caddy-data:\/data/);
  });
});

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  it("runs on node:24-slim (an LTS in support) as the unprivileged node user, with a health check on /healthz", () => {
    expect(dockerfile).toMatch(/^FROM node:24-slim AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:24-slim$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD .*\/healthz/m);
    for (const source of [...dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)].map((m) => m[1])) {
      expect(fs.existsSync(path.join(ROOT, source as string))).toBe(true);
    }
  });
});
