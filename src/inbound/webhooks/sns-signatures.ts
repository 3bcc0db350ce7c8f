import crypto from "node:crypto";
import { messageOf } from "../../errors";
import { snsStringToSign, snsUrl, type SnsMessage } from "./sns-message";

/**
 * Fetches a document from Amazon SNS: a signing certificate, or a subscription's confirmation
 * link. Injected, so tests serve SNS from 127.0.0.1; the real one (sns-fetcher.ts) refuses any
 * host but SNS's.
 */
export type SnsFetcher = (url: URL) => Promise<string>;

/** Why a message's signature is refused, or that it holds. */
export type SnsSignatureCheck = { ok: true } | { ok: false; detail: string };

/** Certificates kept at most; SNS signs with one per region, changed every few years. */
const MAX_CERTIFICATES = 20;

/**
 * Checks SNS's signatures (SignatureVersion 1: RSA with SHA-1; 2: with SHA-256) with the X.509
 * certificate the message's SigningCertURL names, once that URL is https on an SNS host. Each
 * certificate is fetched once and kept, by URL (a failed fetch is not kept, so it is tried again).
 */
export class SnsSignatures {
  private readonly certificates = new Map<string, Promise<crypto.X509Certificate>>();

  constructor(
    private readonly fetcher: SnsFetcher,
    private readonly now: () => number = Date.now,
  ) {}

  async check(message: SnsMessage): Promise<SnsSignatureCheck> {
    const url = snsUrl(message.SigningCertURL);
    if (!url) return { ok: false, detail: "SigningCertURL is not https on an SNS host" };
    let certificate: crypto.X509Certificate;
    try {
      certificate = await this.certificate(url);
    } catch (error) {
      return { ok: false, detail: `signing certificate unusable: ${messageOf(error)}` };
    }
    if (Date.parse(certificate.validTo) < this.now()) {
      return { ok: false, detail: "signing certificate expired" };
    }
    const algorithm = message.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256";
    const verified = crypto
      .createVerify(algorithm)
      .update(snsStringToSign(message), "utf8")
      .verify(certificate.publicKey, message.Signature, "base64");
    return verified ? { ok: true } : { ok: false, detail: "wrong signature" };
  }

  private certificate(url: URL): Promise<crypto.X509Certificate> {
    const key = url.href;
    const known = this.certificates.get(key);
    if (known) return known;
    if (this.certificates.size >= MAX_CERTIFICATES) this.certificates.clear();
    const fetched = this.fetcher(url).then((pem) => new crypto.X509Certificate(pem));
    fetched.catch(() => this.certificates.delete(key));
    this.certificates.set(key, fetched);
    return fetched;
  }
}
