/**
 * Splits arXiv's one-string author list (`dc:creator`) into authors.
 *
 * arXiv joins authors with ", ", but affiliations in parentheses contain commas of their own
 * ("Jane Doe (Dept. of CS, University X, City)"), and " and " turns up almost only inside
 * affiliations ("Brigham and Women's Hospital"). So commas and " and " split only outside
 * parentheses and brackets, and " and " only in the last piece ("A, B and C"), the one place a
 * list of names uses it. A leading "and " left by ", and C" is dropped. Mononymous authors leave
 * runs of spaces ("Kandala,  Deepti"); all whitespace is collapsed. Affiliations stay attached to
 * their author. If the parentheses do not balance, nesting cannot be trusted and every comma
 * splits, so one stray "(" cannot glue the rest of the list into a single author.
 *
 * Linear in the length of the string (some real author lists exceed 1,000 characters).
 */
export function splitAuthors(creator: string): string[] {
  const text = creator.replace(/\s+/g, " ").trim();
  if (text === "") return [];
  const balanced = bracketsBalance(text);

  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    else if (ch === "," && (depth === 0 || !balanced)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const last = text.slice(start);
  pieces.push(...splitOnTopLevelAnd(last, balanced));

  return pieces.map((piece) => piece.trim().replace(/^and /, "").trim()).filter((p) => p !== "");
}

function bracketsBalance(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Splits "A and B" on " and " outside parentheses; "X (Brigham and Women's)" stays whole. */
function splitOnTopLevelAnd(piece: string, balanced: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < piece.length; i++) {
    const ch = piece[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    else if (ch === " " && (depth === 0 || !balanced) && piece.startsWith(" and ", i)) {
      out.push(piece.slice(start, i));
      start = i + " and ".length;
      i = start - 1;
    }
  }
  out.push(piece.slice(start));
  return out;
}
