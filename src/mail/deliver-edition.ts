import type { Edition, EditionStore } from "../arxiv/edition";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import type { Subscriber, SubscriberStore } from "../subscribers/subscriber";
import type { MailTransport } from "../transport/mail-transport";
import type { DeliveryStatus, DeliveryStore } from "./delivery";
import type { SendPolicy } from "./send-policy";
import { digestSubject } from "../digest/digest-mail-parts";
import { EditionContent, mailedAnnounceTypes } from "../digest/edition-content";
import { InputError, NotFoundError } from "../errors";
import type { TranslateCounts } from "../translate/translate-edition";
import { translateForDelivery, type TranslateDeps } from "./translate-for-delivery";
import { verpAddress, type BounceAddressSettings } from "./bounce-address";
import { deliveryLinks } from "./delivery-links";
import { prepareDeliveries } from "./prepare-deliveries";
import { sendEdition, type SendProgress, type SendSummary } from "./send-edition";

/** What a delivery run reads: MAIL_FROM, PUBLIC_URL, the send policy and the digest's limits. */
interface DeliverySettings {
  send: SendPolicy;
  mailFrom: string;
  publicUrl: string;
  maxPapers: number;
  includeReplacements: boolean;
  /** False with TRANSLATOR=none. */
  translates: boolean;
  /** TRANSLATOR_SUMMARY: the one-line summaries are shown. */
  summaries: boolean;
  /** MAIL_BOUNCE_ADDRESS: each digest's envelope sender is a VERP form of it. */
  bounces?: BounceAddressSettings;
}

/** The ports a send uses: the outbox, editions, subscribers, translation and the transport. */
export interface DeliverDeps extends TranslateDeps {
  settings: DeliverySettings;
  editions: Pick<EditionStore, "findByDate" | "latest" | "papersOf" | "setStatus">;
  deliveries: DeliveryStore;
  subscribers: Pick<
    SubscriberStore,
    "listActive" | "findByEmail" | "recordHardBounce" | "clearHardBounces"
  >;
  /** Opened on first use: a dry run never connects. */
  transport(): MailTransport;
  template(): Promise<DigestHtmlTemplate>;
}

export interface DeliverOptions {
  /** "yyyy-mm-dd"; the latest edition when absent. */
  editionDate?: string;
  /** Only this subscriber's digest. */
  onlyEmail?: string;
  /** With `onlyEmail`: send that digest again even if it was sent (or is uncertain). */
  force?: boolean;
  onProgress?: (progress: SendProgress, total: number) => void;
  /** Stops the send cleanly: nothing more is claimed, what is in flight is recorded. */
  signal?: AbortSignal;
}

export interface DeliverResult extends SendSummary {
  edition: Edition;
  recipients: number;
  /** What the translation stage did; absent with TRANSLATOR=none or when it failed. */
  translation?: TranslateCounts;
}

function bounceAddressOf(bounces: BounceAddressSettings | undefined) {
  return bounces && ((deliveryId: number) => verpAddress(bounces, deliveryId));
}

/** A delivery in one of these states will not be sent again (unless forced). */
const SETTLED: ReadonlySet<DeliveryStatus> = new Set(["sent", "failed", "uncertain"]);

/** Loads an edition for digest building, or says clearly that there is none. */
export async function loadEditionContent(
  deps: Pick<DeliverDeps, "editions" | "deliveries" | "settings">,
  editionDate?: string,
): Promise<EditionContent> {
  const edition = editionDate
    ? await deps.editions.findByDate(editionDate)
    : await deps.editions.latest();
  if (!edition) {
    throw new NotFoundError(
      editionDate
        ? `no edition dated ${editionDate}; run "arxiv-digest fetch" first`
        : 'no edition yet; run "arxiv-digest fetch" first',
    );
  }
  const papers = await deps.editions.papersOf(edition.id);
  const types = mailedAnnounceTypes(deps.settings.includeReplacements);
  const arxivIds = papers.filter((p) => types.has(p.announceType)).map((p) => p.arxivId);
  const mailedBefore = await deps.deliveries.mailedElsewhere(edition.id, arxivIds);
  return new EditionContent(edition, papers, deps.settings, mailedBefore);
}

/** Prepares and sends an edition's digests: the `send` command's work. Safe to run again. */
export async function deliverEdition(
  deps: DeliverDeps,
  options: DeliverOptions,
): Promise<DeliverResult> {
  const content = await loadEditionContent(deps, options.editionDate);
  const subscribers = await recipientsOf(deps, options.onlyEmail);
  const now = new Date();
  const { maxPapers, send, mailFrom, publicUrl } = deps.settings;
  // Only digests still to be sent need translations: a re-run of a mailed edition asks nothing.
  const existing = await deps.deliveries.statusBySubscriber(content.edition.id);
  const waiting = subscribers.filter((s) => {
    const status = existing.get(s.id);
    return status === undefined || !SETTLED.has(status);
  });
  const translation = await translateForDelivery(deps, content, waiting, { maxPapers, now });
  const prepared = await prepareDeliveries(deps, content, subscribers, {
    maxPapers,
    now,
    existing,
  });
  if (options.force) await requeueOne(deps, content.edition.id, subscribers, now);
  const summary = await sendEdition(
    {
      deliveries: deps.deliveries,
      subscribers: deps.subscribers,
      policy: send,
      transport: deps.transport(),
      template: await deps.template(),
      mailFrom,
      linksFor: (deliveryId, token) =>
        deliveryLinks(
          publicUrl,
          mailFrom,
          { id: deliveryId, editionDate: content.edition.date },
          token,
        ),
      maxPapers,
      bounceAddress: bounceAddressOf(deps.settings.bounces),
      now: () => new Date(),
    },
    content,
    new Map(subscribers.map((s) => [s.id, s])),
    {
      only: options.onlyEmail ? subscribers[0]?.id : undefined,
      onProgress: (progress) => options.onProgress?.(progress, prepared.recipients),
      signal: options.signal,
    },
  );
  const counts = await deps.deliveries.countByStatus(content.edition.id);
  if (counts.queued === 0 && counts.sending === 0) {
    await deps.editions.setStatus(content.edition.id, "sent");
  }
  return { ...summary, edition: content.edition, recipients: prepared.recipients, translation };
}

/** What `send --dry-run` shows: who would get which digest, with nothing written or sent. */
export async function planEdition(
  deps: Pick<DeliverDeps, "editions" | "deliveries" | "subscribers" | "settings">,
  options: Pick<DeliverOptions, "editionDate" | "onlyEmail">,
): Promise<{ edition: Edition; plan: { email: string; papers: number; subject: string }[] }> {
  const content = await loadEditionContent(deps, options.editionDate);
  const subscribers = await recipientsOf(deps, options.onlyEmail);
  const now = new Date();
  // A digest already settled (sent, failed, uncertain) is not sent again, so it is not listed.
  const existing = await deps.deliveries.statusBySubscriber(content.edition.id);
  const plan = subscribers.flatMap((subscriber) => {
    if (subscriber.status !== "active") return [];
    const status = existing.get(subscriber.id);
    if (status !== undefined && SETTLED.has(status)) return [];
    const digest = content.digestFor(subscriber, { maxPapers: deps.settings.maxPapers, now });
    return digest
      ? [
          {
            email: subscriber.email,
            papers: digest.uniquePaperCount,
            subject: digestSubject(digest),
          },
        ]
      : [];
  });
  return { edition: content.edition, plan };
}

async function requeueOne(
  deps: Pick<DeliverDeps, "deliveries">,
  editionId: number,
  subscribers: Subscriber[],
  now: Date,
) {
  const [subscriber] = subscribers;
  if (subscribers.length !== 1 || !subscriber) throw new InputError("--force needs --only <email>");
  if (!(await deps.deliveries.requeue(editionId, subscriber.id, now))) {
    throw new InputError(
      `${subscriber.email} has no digest in this edition to resend, or another sender holds it right now`,
    );
  }
}

async function recipientsOf(
  deps: Pick<DeliverDeps, "subscribers">,
  onlyEmail?: string,
): Promise<Subscriber[]> {
  if (!onlyEmail) return deps.subscribers.listActive();
  const subscriber = await deps.subscribers.findByEmail(onlyEmail.trim().toLowerCase());
  if (!subscriber) throw new NotFoundError(`no subscriber ${onlyEmail}`);
  return [subscriber];
}
