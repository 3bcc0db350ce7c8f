/** LaTeX quotes ``x'' become “x”; feeds carry them raw. */
export function readableText(text: string): string {
  return text.replace(/``(.+?)''/g, "“$1”").replace(/(^|[\s(])`([^`']+)'/g, "$1‘$2’");
}
