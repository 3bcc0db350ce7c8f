import type { Env } from "../../src/config";
import { runCliWith } from "./run-cli";
import { EXAMPLE_FEED } from "./temp-dir";

/**
 * Subscribes each email (confirmed, to one keyword) through the CLI, then fetches the example
 * feed, so the edition has one queued digest per reader: the setup every send test shares.
 */
export async function subscribeAndFetch(
  env: Env,
  emails: readonly string[],
  keyword = "diffusion policy",
): Promise<void> {
  for (const email of emails) {
    await runCliWith(env, "subscriber", "add", email, "-k", keyword, "--confirmed");
  }
  await runCliWith(env, "fetch", "--feed-file", EXAMPLE_FEED);
}
