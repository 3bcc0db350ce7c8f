import fs from "node:fs";
import type { ExternalResource } from "./external-resources";

/**
 * The Debian packages the README's test command needs (.ci/run installs them). Chromium and
 * Dovecot are required everywhere: without them their suites fail in one line saying what to
 * install. docker-compose only validates the compose file: without it, that check is left out
 * with a notice (and fails in CI).
 */
export const CHROMIUM = "/usr/bin/chromium";
export const DOVECOT = "/usr/sbin/dovecot";
export const DOCKER_COMPOSE = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"].find(
  (file) => fs.existsSync(file),
);

export const DEBIAN_CHROMIUM: ExternalResource = {
  key: "CHROMIUM",
  missing: `Debian's Chromium is not at ${CHROMIUM}`,
  remedy: "apt-get install -y chromium fonts-wqy-zenhei (.ci/run does)",
  requiredEverywhere: true,
  isPresent: async () => fs.existsSync(CHROMIUM),
};

export const DEBIAN_DOVECOT: ExternalResource = {
  key: "DOVECOT",
  missing: `Dovecot is not installed (${DOVECOT} is missing)`,
  remedy: "apt-get install -y dovecot-imapd (.ci/run does); the mail tests need a real IMAP server",
  requiredEverywhere: true,
  isPresent: async () => fs.existsSync(DOVECOT),
};

export const DEBIAN_DOCKER_COMPOSE: ExternalResource = {
  key: "DOCKER_COMPOSE",
  missing: "docker-compose is not installed, so docker-compose.yml is not validated",
  remedy: "apt-get install -y docker-compose (.ci/run does)",
  isPresent: async () => DOCKER_COMPOSE !== undefined,
};

/** Every package above, for the integration tests' global setup. */
export const DEBIAN_PACKAGES = [DEBIAN_CHROMIUM, DEBIAN_DOVECOT, DEBIAN_DOCKER_COMPOSE];
