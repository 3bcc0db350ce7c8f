/* eslint-disable @typescript-eslint/no-require-imports -- loading on demand is this file's job */

/**
 * The command bodies that pull in large modules, loaded on first use for the reason given in
 * src/on-demand.ts: `serve` needs fastify and prom-client, `inbound poll` imapflow and
 * mailparser; `send` needs none of them. Kept here, beside the commands, so that src/on-demand.ts
 * loads only third-party modules and no lower folder reaches up to the CLI.
 */
export const onDemandCommands = {
  /** `serve`: web pages, metrics, scheduler and the inbound poller. */
  service: () => require("./run-service") as typeof import("./run-service"),
  /** `inbound poll`. */
  inboundPoller: () =>
    require("../inbound/inbound-poller") as typeof import("../inbound/inbound-poller"),
};
