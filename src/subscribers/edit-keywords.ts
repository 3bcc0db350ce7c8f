import { InputError } from "../errors";
import { parseQuery } from "../match/query";
import { checkKeywords } from "./subscriber-settings";

/** An operator's change to one subscriber's keyword list (`subscriber keywords`). */
export interface KeywordEdit {
  /** Replaces the whole list (applied first). */
  set?: readonly string[];
  add?: readonly string[];
  /** Each must be in the list; matched as the query it parses to, so spacing does not matter. */
  remove?: readonly string[];
}

/**
 * The keyword list after an edit, checked like any other (parsed, at most 20, at least one).
 * Every query is validated before the result is returned, so a bad edit changes nothing.
 */
export function editKeywords(current: readonly string[], edit: KeywordEdit): string[] {
  if (!edit.set && !edit.add && !edit.remove) {
    throw new InputError("say what to change: --set <query>…, --add <query>… or --remove <query>…");
  }
  let keywords = edit.set ? checkKeywords(edit.set) : [...current];
  for (const raw of edit.remove ?? []) {
    const key = parseQuery(raw).key;
    const kept = keywords.filter((keyword) => parseQuery(keyword).key !== key);
    if (kept.length === keywords.length) {
      throw new InputError(
        `${JSON.stringify(raw)} is not one of the keywords (${keywords.join("; ")}); nothing changed`,
      );
    }
    keywords = kept;
  }
  if (keywords.length === 0 && !edit.add?.length) {
    throw new InputError(
      'that removes every keyword; a subscriber needs at least one (to stop the digests use "subscriber pause")',
    );
  }
  return checkKeywords([...keywords, ...(edit.add ?? [])]);
}
