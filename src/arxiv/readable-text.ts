/**
 * LaTeX quotes become typographic ones; feeds carry them raw. Authors write ``x'', `x', and
 * also ''x'' (two apostrophes for both quotes): an opening pair stands at the start of a word.
 */
export function readableText(text: string): string {
  return text
    .replace(/``(.+?)''/g, "“$1”")
    .replace(/(^|[\s([])''(?=\S)(.+?)''/g, "$1“$2”")
    .replace(/(^|[\s(])`([^`']+)'/g, "$1‘$2’");
}
