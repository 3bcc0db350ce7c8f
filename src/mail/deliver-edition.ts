import type { App } from "../container";
import type { DeliveryStatus } from "./delivery";
import type { Edition } from "../arxiv/edition";
import type { Subscriber } from "../subscribers/subscriber";
import { digestSubject } from "../digest/digest-mail-parts";
import { EditionContent, mailedAnnounceTypes } from "../digest/edition-content";
import { InputError, NotFoundError } from "../errors";
import type { TranslateCounts } from "../translate/translate-edition";
import { translateForDelivery } from "../translate/translate-for-delivery";
import { deliveryLinks } from "./delivery-links";
import { prepareDeliveries } from "./prepare-deliveries";
import { sendEdition, type SendProgress, type SendSummary } from "./send-edition";

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

/** A delivery in one of these states will not be sent again (unless forced). */
const SETTLED: ReadonlySet<DeliveryStatus> = new Set(["sent", "failed", "uncertain"]);

/** Loads an edition for digest building, or says clearly that there is none. */
export async function loadEditionContent(app: App, editionDate?: string): Promise<EditionContent> {
  const edition = editionDate
    ? await app.editions.findByDate(editionDate)
    : await app.editions.latest();
  if (!edition) {
    throw new NotFoundError(
      editionDate
        ? `no edition dated ${editionDate}; run "arxiv-digest fetch" first`
        : 'no edition yet; run "arxiv-digest fetch" first',
    );
  }
  const papers = await app.editions.papersOf(edition.id);
  const types = mailedAnnounceTypes(app.config.arxiv.includeReplacements);
  const arxivIds = papers.filter((p) => types.has(p.announceType)).map((p) => p.arxivId);
  const mailedBefore = await app.deliveries.mailedElsewhere(edition.id, arxivIds);
  return new EditionContent(edition, papers, types, mailedBefore);
}

/** Prepares and sends an edition's digests: the `send` command's work. Safe to run again. */
export async function deliverEdition(app: App, options: DeliverOptions): Promise<DeliverResult> {
  const content = await loadEditionContent(app, options.editionDate);
  const subscribers = await recipientsOf(app, options.onlyEmail);
  const now = new Date();
  const maxPapers = app.config.digest.maxPapers;
  // Only digests still to be sent need translations: a re-run of a mailed edition asks nothing.
  const existing = await app.deliveries.statusBySubscriber(content.edition.id);
  const waiting = subscribers.filter((s) => {
    const status = existing.get(s.id);
    return status === undefined || !SETTLED.has(status);
  });
  const translation = await translateForDelivery(app, content, waiting, { maxPapers, now });
  const prepared = await prepareDeliveries(app, content, subscribers, { maxPapers, now, existing });
  if (options.force) await requeueOne(app, content.edition.id, subscribers, now);
  const summary = await sendEdition(
    {
      deliveries: app.deliveries,
      subscribers: app.subscribers,
      policy: app.config.send,
      transport: app.transport(),
      template: await app.template(),
      mailFrom: app.config.mail.from,
      linksFor: (deliveryId, token) =>
        deliveryLinks(
          app.config.publicUrl,
          app.config.mail.from,
          { id: deliveryId, editionDate: content.edition.date },
          token,
        ),
      maxPapers,
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
  const counts = await app.deliveries.countByStatus(content.edition.id);
  if (counts.queued === 0 && counts.sending === 0) {
    await app.editions.setStatus(content.edition.id, "sent");
  }
  return { ...summary, edition: content.edition, recipients: prepared.recipients, translation };
}

/** What `send --dry-run` shows: who would get which digest, with nothing written or sent. */
export async function planEdition(
  app: App,
  options: Pick<DeliverOptions, "editionDate" | "onlyEmail">,
): Promise<{ edition: Edition; plan: { email: string; papers: number; subject: string }[] }> {
  const content = await loadEditionContent(app, options.editionDate);
  const subscribers = await recipientsOf(app, options.onlyEmail);
  const now = new Date();
  const plan = subscribers.flatMap((subscriber) => {
    if (subscriber.status !== "active") return [];
    const digest = content.digestFor(subscriber, { maxPapers: app.config.digest.maxPapers, now });
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

async function requeueOne(app: App, editionId: number, subscribers: Subscriber[], now: Date) {
  const [subscriber] = subscribers;
  if (subscribers.length !== 1 || !subscriber) throw new InputError("--force needs --only <email>");
  if (!(await app.deliveries.requeue(editionId, subscriber.id, now))) {
    throw new InputError(
      `${subscriber.email} has no digest in this edition to resend, or another sender holds it right now`,
    );
  }
}

async function recipientsOf(app: App, onlyEmail?: string): Promise<Subscriber[]> {
  if (!onlyEmail) return app.subscribers.listActive();
  const subscriber = await app.subscribers.findByEmail(onlyEmail.trim().toLowerCase());
  if (!subscriber) throw new NotFoundError(`no subscriber ${onlyEmail}`);
  return [subscriber];
}
