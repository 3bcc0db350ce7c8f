import type { z } from "zod";

/** A request body read against a provider's format, or one line on why it is not that. */
export type JsonBodyReading<T> = { ok: true; value: T } | { ok: false; detail: string };

/**
 * Reads a webhook's body as JSON of the provider's shape. Only the fields acted on are checked
 * (zod drops the rest), so a provider adding fields breaks nothing.
 */
export function readJsonBody<T>(body: string, schema: z.ZodType<T>): JsonBodyReading<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, detail: "the body is not JSON" };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, detail: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "?"}` };
}
