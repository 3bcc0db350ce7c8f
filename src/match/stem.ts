/**
 * The light stemmer applied to every title/abstract word, on the query side and the paper side
 * alike, so that a plural and its singular meet. It folds plurals and nothing else: suffixes such
 * as -ing, -er, -ed, -ly are left alone, so `learning`, `learner` and `learned` stay three
 * different words. Author names are never stemmed (Williams is not William).
 *
 * The rule, in order, for a folded word of 4 or more letters a–z (shorter words, words with
 * digits and the word "news" are left as they are):
 *  1. -ies → -y when the word has 5+ letters (policies → policy, queries → query);
 *     -ie → -y likewise, so the singular meets its plural (movie, movies → movy).
 *  2. -sses, -xes, -ches, -shes lose -es (processes → process, boxes → box, patches → patch);
 *     -iases loses -es (biases → bias); -che loses -e so cache and caches meet (→ cach).
 *  3. otherwise a final -s is dropped (models → model, LLMs → llm, GPUs → gpu), except after
 *     -ss (loss), -ias (bias), and -us / -is in words of 5+ letters (corpus, analysis).
 * The result is a key for matching, not a word to show.
 *
 * Known misses, on purpose kept simple: Latin and Greek plurals (matrices, indices, hypotheses,
 * criteria), -uses plurals of -us words (statuses, viruses), and -oes (heroes).
 */
export function stem(word: string): string {
  if (word.length < 4 || KEPT.has(word) || !LETTERS.test(word)) return word;
  if (word.length >= 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length >= 5 && word.endsWith("ie")) return `${word.slice(0, -2)}y`;
  if (ES_PLURAL.test(word)) return word.slice(0, -2);
  if (word.endsWith("che")) return word.slice(0, -1);
  if (!word.endsWith("s") || KEEP_FINAL_S.test(word)) return word;
  if (word.length >= 5 && (word.endsWith("us") || word.endsWith("is"))) return word;
  return word.slice(0, -1);
}

const LETTERS = /^[a-z]+$/;
// "news" would become "new", one of the commonest words in abstracts.
const KEPT = new Set(["news"]);
const ES_PLURAL = /(?:sses|xes|ches|shes|iases)$/;
const KEEP_FINAL_S = /(?:ss|ias)$/;
