import type { Wording } from "../errors";
import { isArchive, isKnownCategory, canonicalCategory } from "../arxiv/taxonomy";
import { foldedWords } from "./fold-text";
import type { AndNode, CategoryNode, QueryNode, TermNode, TextField } from "./query-ast";
import { stem } from "./stem";
import { syntaxError, tokenizeQuery, type FieldName, type QueryToken } from "./tokenize-query";

const TEXT_FIELDS: Record<Exclude<FieldName, "cat">, TextField> = {
  ti: "title",
  abs: "abstract",
  au: "author",
};
const CATEGORY = /^([A-Za-z-]+)(?:\.([A-Za-z-]+|\*))?$/;

// Problems said in more than one place (Chinese, English).
const STRAY_CLOSE: Wording = ['有一个 ")" 前面没有对应的 "("', `has a ")" with no "(" before it`];
const UNCLOSED_OPEN: Wording = ['有一个没有闭合的 "("', `has a "(" that is never closed`];
const nothingAfter = (t: QueryToken): Wording => [
  `"${t.text}" 后面没有内容`,
  `has nothing after "${t.text}"`,
];

/**
 * Parses a whitespace-collapsed, non-empty query into its tree, or throws QuerySyntaxError
 * naming the token and position at fault. Grammar (OR binds loosest, `-` tightest):
 *
 *   query := and ("OR" and)*        and  := unit (["AND"] unit)*
 *   unit  := ["-" | "NOT"] atom     atom := [field ":"] (word | "phrase" | "(" query ")")
 *
 * Every AND group must look for something: `-robot` alone, or `a OR -b`, would match nearly
 * every paper and is refused.
 */
export function parseQueryAst(query: string): QueryNode {
  const parser = new Parser(query, tokenizeQuery(query));
  return parser.parseAll();
}

class Parser {
  private i = 0;

  constructor(
    private readonly query: string,
    private readonly tokens: QueryToken[],
  ) {}

  parseAll(): QueryNode {
    const node = this.parseOr(undefined);
    const stray = this.tokens[this.i];
    if (stray) throw this.error(stray, STRAY_CLOSE);
    return node;
  }

  private parseOr(field: FieldName | undefined): QueryNode {
    const branches = [this.parseAnd(field)];
    for (let or = this.peek(); or?.type === "or"; or = this.peek()) {
      this.next();
      const after = this.peek();
      if (!after || after.type === "or" || after.type === "close") {
        throw this.error(or, ['"OR" 后面没有内容', `has nothing after "OR"`]);
      }
      branches.push(this.parseAnd(field));
    }
    const flat = branches.flatMap((b) => (b.kind === "or" ? b.anyOf : [b]));
    return flat.length === 1 && flat[0] ? flat[0] : { kind: "or", anyOf: flat };
  }

  private parseAnd(field: FieldName | undefined): QueryNode {
    const first = this.peek();
    const node: AndNode = { kind: "and", include: [], exclude: [] };
    for (let t = first; t && t.type !== "or" && t.type !== "close"; t = this.peek()) {
      this.next();
      if (t.type === "and") {
        const after = this.peek()?.type;
        const before = node.include.length + node.exclude.length;
        if (before === 0 || !after || after === "or" || after === "and" || after === "close") {
          throw this.error(t, [
            '"AND" 两边缺少要连接的内容',
            `has "AND" without something to join on both sides`,
          ]);
        }
        continue;
      }
      if (t.type === "not") node.exclude.push(this.parseAtom(field, t));
      else node.include.push(this.parseAtom(field, t));
    }
    if (!first || node.include.length + node.exclude.length === 0) throw this.emptyGroup(first);
    if (node.include.length === 0) {
      const hint = [
        '请加上要查找的词，例如 "grasping -robot"',
        `add a word to look for, e.g. "grasping -robot"`,
      ] as const;
      throw this.error(first, ["只有要排除的词", "only excludes"], hint);
    }
    return flatten(node);
  }

  /** `t` has been consumed: the atom starts at it, or right after it for "-" / "NOT". */
  private parseAtom(field: FieldName | undefined, t: QueryToken): QueryNode {
    const atom = t.type === "not" ? this.next() : t;
    if (!atom) throw this.error(t, nothingAfter(t));
    switch (atom.type) {
      case "word":
      case "phrase":
        return this.leaf(atom, field);
      case "open":
        return this.group(atom, field);
      case "field": {
        if (field) {
          const inside = `"${field}:(…)"`;
          throw this.error(atom, [
            `在 ${inside} 里又用了 "${atom.text}"`,
            `has "${atom.text}" inside ${inside}`,
          ]);
        }
        const inner = this.next();
        if (!inner) throw this.error(atom, nothingAfter(atom));
        if (inner.type === "open") return this.group(inner, atom.field);
        if (inner.type === "word" || inner.type === "phrase") return this.leaf(inner, atom.field);
        throw this.error(atom, [
          `"${atom.text}" 后面不是词语`,
          `has "${atom.text}" not followed by a word`,
        ]);
      }
      case "close":
        throw this.error(atom, STRAY_CLOSE);
      default:
        throw this.error(atom, [
          `在应该是词语的地方出现了 "${atom.text}"`,
          `has "${atom.text}" where a word was expected`,
        ]);
    }
  }

  private group(open: QueryToken, field: FieldName | undefined): QueryNode {
    const first = this.peek();
    if (!first) throw this.error(open, UNCLOSED_OPEN);
    if (first.type === "close")
      throw this.error(open, ['有空括号 "()"', `has empty parentheses "()"`]);
    const node = this.parseOr(field);
    if (this.next()?.type !== "close") throw this.error(open, UNCLOSED_OPEN);
    return node;
  }

  private leaf(t: QueryToken, field: FieldName | undefined): TermNode | CategoryNode {
    if (field === "cat") return this.category(t);
    if (t.text.includes("*")) {
      throw this.error(
        t,
        [`"${t.text}" 里有 "*"`, `has a "*" in "${t.text}"`],
        ["通配符只能用在 cat: 里（cat:cs.*）", "wildcards work only in cat: (cat:cs.*)"],
      );
    }
    const words = foldedWords(t.text);
    if (words.length === 0) {
      throw this.error(t, [
        `"${t.text}" 里没有可以匹配的字母或数字`,
        `has no letters or digits to match in "${t.text}"`,
      ]);
    }
    const textField = field ? TEXT_FIELDS[field] : "text";
    return {
      kind: "term",
      field: textField,
      keys: textField === "author" ? words : words.map(stem),
    };
  }

  /** arXiv writes codes in mixed case (cs.RO, cond-mat.mes-hall); the query may not. */
  private category(t: QueryToken): CategoryNode {
    const written = t.text.trim();
    const m = CATEGORY.exec(written);
    const archive = (m?.[1] ?? "").toLowerCase();
    const sub = m?.[2];
    if (m && (sub === undefined || sub === "*") && isArchive(archive)) {
      return { kind: "category", code: archive, prefix: true };
    }
    const spellings =
      sub === undefined
        ? [archive]
        : [written, `${archive}.${sub.toUpperCase()}`, `${archive}.${sub.toLowerCase()}`];
    const known = m && sub !== "*" ? spellings.find(isKnownCategory) : undefined;
    if (known === undefined) {
      const hint = [
        "例如写 cat:cs.RO；整个大类写 cat:cs.*",
        "write e.g. cat:cs.RO, or cat:cs.* for a whole archive",
      ] as const;
      throw this.error(
        t,
        [`有未知的 arXiv 分类 "${written}"`, `has an unknown arXiv category "${written}"`],
        hint,
      );
    }
    return { kind: "category", code: canonicalCategory(known).toLowerCase(), prefix: false };
  }

  private emptyGroup(t: QueryToken | undefined): Error {
    if (t?.type === "or")
      return this.error(t, ['"OR" 前面没有内容', `has "OR" with nothing before it`]);
    if (t?.type === "close") return this.error(t, STRAY_CLOSE);
    return syntaxError(this.query, this.query.length, "", ["提前结束了", "ends too early"]);
  }

  private peek(): QueryToken | undefined {
    return this.tokens[this.i];
  }

  private next(): QueryToken | undefined {
    const t = this.tokens[this.i];
    if (t) this.i += 1;
    return t;
  }

  private error(t: QueryToken, problem: Wording, hint?: Wording): Error {
    return syntaxError(this.query, t.pos, t.text, problem, hint);
  }
}

/** `a (b -c)` is `a b -c`: nested AND groups merge, and a lone operand stands for itself. */
function flatten(node: AndNode): QueryNode {
  const include: QueryNode[] = [];
  const exclude = [...node.exclude];
  for (const child of node.include) {
    if (child.kind === "and") {
      include.push(...child.include);
      exclude.push(...child.exclude);
    } else include.push(child);
  }
  const only = include[0];
  if (include.length === 1 && exclude.length === 0 && only) return only;
  return { kind: "and", include, exclude };
}
