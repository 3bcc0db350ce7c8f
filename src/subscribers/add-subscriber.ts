import type { ChineseVariant, Subscriber, SubscriberStore } from "./subscriber";
import { InputError } from "../errors";
import { parseQueryList } from "../match/query";
import { normalizeEmail } from "../transport/email-address";
import { suppressedMessage, type SuppressionStore } from "./suppression";

export interface AddSubscriberInput {
  email: string;
  keywords: readonly string[];
  confirmed: boolean;
  language: string;
  timeZone: string;
}

const CHINESE_VARIANTS: readonly ChineseVariant[] = ["zh-CN", "zh-TW"];

/**
 * Adds a subscriber from operator input. Everything is validated before anything is written;
 * an address that exists already is refused rather than silently changed, and so is a
 * suppressed one (only its owner's double opt-in subscribes it again).
 */
export async function addSubscriber(
  store: SubscriberStore,
  input: AddSubscriberInput,
  suppressions: Pick<SuppressionStore, "find">,
): Promise<Subscriber> {
  const email = normalizeEmail(input.email);
  const queries = parseQueryList(input.keywords);
  if (!CHINESE_VARIANTS.includes(input.language as ChineseVariant)) {
    throw new InputError(`language "${input.language}" is not supported; use zh-CN or zh-TW`);
  }
  const suppressed = await suppressions.find(email);
  if (suppressed) throw new InputError(suppressedMessage(suppressed));
  if (await store.findByEmail(email)) {
    throw new InputError(
      `${email} is already subscribed; change the keywords with "subscriber keywords ${email} --set <query>…" (or --add, --remove)`,
    );
  }
  return store.create({
    email,
    keywords: queries.map((q) => q.text),
    status: input.confirmed ? "active" : "pending",
    language: input.language as ChineseVariant,
    timeZone: input.timeZone,
  });
}
