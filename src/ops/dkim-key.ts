import crypto from "node:crypto";
import fs from "node:fs";
import { InputError } from "../errors";

/** A DKIM selector is one DNS label (RFC 6376 §3.1); anything else cannot be published. */
const SELECTOR = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** The TXT record that publishes a DKIM public key: name and value. */
export interface DkimRecord {
  name: string;
  value: string;
}

/** The record for a public (or private) key in PEM: `v=DKIM1; k=rsa; p=<SPKI in base64>`. */
export function dkimRecord(selector: string, domain: string, keyPem: string): DkimRecord {
  const spki = crypto.createPublicKey(keyPem).export({ type: "spki", format: "der" });
  return {
    name: `${selector}._domainkey.${domain}`,
    value: `v=DKIM1; k=rsa; p=${spki.toString("base64")}`,
  };
}

/**
 * Writes a new 2048-bit RSA key (PKCS#8 PEM, readable by its owner only) and returns the record
 * to publish. An existing file is never overwritten: it may be the key the published record names.
 */
export function writeDkimKey(file: string, selector: string, domain: string): DkimRecord {
  if (!SELECTOR.test(selector)) {
    throw new InputError(`--selector must be one DNS label such as s1 (got "${selector}")`);
  }
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new InputError(`${file} exists; not overwriting a key`);
    throw new InputError(`cannot write ${file}: ${code ?? String(error)}`);
  }
  return dkimRecord(selector, domain, pem);
}
