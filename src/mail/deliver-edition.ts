import type { Edition, EditionStore } from "../arxiv/edition";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import type { Subscriber, SubscriberStore } from "../subscribers/subscriber";
import type { MailTransport } from "../transport/mail-transport";
import type { DeliveryStore } from "./delivery";
import type { SendPolicy } from "./send-policy";
import { digestSubject } from "../digest/digest-mail-parts";
import { EditionContent, type ContentSettings } from "../digest/edition-content";
import { InputError, NotFoundError } from "../errors";
import type { TranslateCounts } from "../translate/translate-edition";
import { translateForDelivery, type TranslateDeps } from "./translate-for-delivery";
import { verpAddress, type BounceAddressSettings } from "./bounce-address";
import { deliveryLinks } from "./delivery-links";
import { prepareDeliveries, SETTLED } from "./prepare-deliveries";
import { onePage, recipientPages, recipientsToSendFrom, type Recipient } from "./recipient-pages";
import { recipientWindow } from "./recipient-window";
import { sendEdition, type SendProgress, type SendSummary } from "./send-edition";

/** What a delivery run reads: MAIL_FROM, PUBLIC_URL, the send policy and the digest's limits. */
interface DeliverySettings extends ContentSettings {
  send: SendPolicy;
  mailFrom: string;
  publicUrl: string;
  maxPapers: number;
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
    "pages" | "findByEmail" | "recordHardBounce" | "clearHardBounces"
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

/** Loads an edition for digest building, or says clearly that there is none. */
export async function loadEditionContent(
  deps: Pick<DeliverDeps, "editions" | "settings">,
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
  return new EditionContent(edition, papers, deps.settings);
}

/** Prepares and sends an edition's digests: the `send` command's work. Safe to run again. */
export async function deliverEdition(
  deps: DeliverDeps,
  options: DeliverOptions,
): Promise<DeliverResult> {
  const content = await loadEditionContent(deps, options.editionDate);
  const only = options.onlyEmail ? await findRecipient(deps, options.onlyEmail) : undefined;
  const now = new Date();
  const { maxPapers, send, mailFrom, publicUrl } = deps.settings;
  const prepared = await prepareDeliveries(
    deps,
    content,
    recipientPages(deps, content, subscriberPages(deps, only)),
    { maxPapers, now },
  );
  // Only digests still to be sent need translations: a re-run of a mailed edition asks nothing.
  const translation = await translateForDelivery(deps, content, prepared.readers);
  if (options.force) await requeueOne(deps, content.edition.id, only, now);
  const editionId = content.edition.id;
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
    recipientWindow((fromId) => recipientsToSendFrom(deps, content, fromId)),
    {
      only: only?.id,
      onProgress: (progress) => options.onProgress?.(progress, prepared.recipients),
      signal: options.signal,
    },
  );
  const counts = await deps.deliveries.countByStatus(editionId);
  if (counts.queued === 0 && counts.sending === 0) {
    await deps.editions.setStatus(editionId, "sent");
  }
  return { ...summary, edition: content.edition, recipients: prepared.recipients, translation };
}

/** One line of `send --dry-run`: who would get a digest of how many papers. */
interface PlannedDigest {
  email: string;
  papers: number;
  subject: string;
}

/**
 * What `send --dry-run` shows: who would get which digest, with nothing written or sent, a page
 * of subscribers at a time.
 */
export async function planEdition(
  deps: Pick<DeliverDeps, "editions" | "deliveries" | "subscribers" | "settings">,
  options: Pick<DeliverOptions, "editionDate" | "onlyEmail">,
): Promise<{ edition: Edition; plan: AsyncIterable<PlannedDigest[]> }> {
  const content = await loadEditionContent(deps, options.editionDate);
  const only = options.onlyEmail ? await findRecipient(deps, options.onlyEmail) : undefined;
  const pages = recipientPages(deps, content, subscriberPages(deps, only));
  return { edition: content.edition, plan: plannedPages(content, pages, deps.settings.maxPapers) };
}

async function* plannedPages(
  content: EditionContent,
  pages: AsyncIterable<Recipient[]>,
  maxPapers: number,
): AsyncGenerator<PlannedDigest[]> {
  const now = new Date();
  for await (const page of pages) {
    // A digest already settled (sent, failed, uncertain) is not sent again, so it is not listed.
    yield page.flatMap(({ subscriber, status, mailedBefore }) => {
      if (subscriber.status !== "active") return [];
      if (status !== undefined && SETTLED.has(status)) return [];
      const digest = content.digestFor(subscriber, { maxPapers, now }, mailedBefore);
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
  }
}

async function requeueOne(
  deps: Pick<DeliverDeps, "deliveries">,
  editionId: number,
  subscriber: Subscriber | undefined,
  now: Date,
) {
  if (!subscriber) throw new InputError("--force needs --only <email>");
  if (!(await deps.deliveries.requeue(editionId, subscriber.id, now))) {
    throw new InputError(
      `${subscriber.email} has no digest in this edition to resend, or another sender holds it right now`,
    );
  }
}

/** Every active subscriber, a page at a time; or only the one asked for. */
function subscriberPages(
  deps: Pick<DeliverDeps, "subscribers">,
  only: Subscriber | undefined,
): AsyncIterable<Subscriber[]> {
  return only ? onePage(only) : deps.subscribers.pages({ status: "active" });
}

async function findRecipient(
  deps: Pick<DeliverDeps, "subscribers">,
  email: string,
): Promise<Subscriber> {
  const subscriber = await deps.subscribers.findByEmail(email.trim().toLowerCase());
  if (!subscriber) throw new NotFoundError(`no subscriber ${email}`);
  return subscriber;
}
