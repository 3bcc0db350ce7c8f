#!/usr/bin/env node
"use strict";
// The send bench's reference: nodemailer alone, in a process of its own like `arxiv-digest send`,
// with the pool options and concurrency `send` takes from the same environment, sends one message
// COUNT times. Usage: send-reference.js raw|compose <message.eml> <from> <to> <count>
// - raw: the bytes our path sent, as they are (nodemailer's SMTP work only);
// - compose: the same parts and headers, parsed from those bytes before the clock starts, composed
//   into MIME by nodemailer for each message as it would for any caller (base64 bodies, as ours).
// Plain JS on the compiled dist/, so nothing but nodemailer and the config is loaded while it runs.
const fs = require("node:fs");
const nodemailer = require("nodemailer");
const { loadConfig } = require("../dist/config.js");
const { smtpPoolOptions } = require("../dist/transport/create-mail-transport.js");

/** The headers our digests carry besides those nodemailer writes from the message's fields. */
const LIST_HEADERS = [
  "auto-submitted",
  "precedence",
  "list-id",
  "list-unsubscribe",
  "list-unsubscribe-post",
];

async function composed(raw, from, to) {
  const { simpleParser } = require("mailparser");
  const parsed = await simpleParser(raw);
  const headers = {};
  for (const { key, line } of parsed.headerLines) {
    if (LIST_HEADERS.includes(key)) {
      headers[key] = line.replace(/^[^:]*:\s*/, "").replace(/\r?\n[ \t]+/g, " ");
    }
  }
  return {
    from,
    to,
    subject: parsed.subject,
    messageId: parsed.messageId,
    text: parsed.text,
    html: parsed.html,
    headers,
    textEncoding: "base64",
  };
}

async function main() {
  const [mode, rawFile, from, to, count] = process.argv.slice(2);
  const raw = fs.readFileSync(rawFile);
  const message = mode === "raw" ? { envelope: { from, to }, raw } : await composed(raw, from, to);
  const config = loadConfig(process.env);
  const transport = nodemailer.createTransport(smtpPoolOptions(config.mail.smtpUrl, config.send));
  let next = 0;
  const total = Number(count);
  const sender = async () => {
    while (next++ < total) await transport.sendMail(message);
  };
  await Promise.all(Array.from({ length: config.send.concurrency }, sender));
  transport.close();
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
