import http from "node:http";
import type { AddressInfo } from "node:net";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";
import { Glossary } from "../../../src/translate/glossary";
import { protectedSpans } from "../../../src/translate/protected-spans";

/** One request as the server saw it, body decoded (JSON, or a form as { field: values[] }). */
export interface SeenCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** How to answer: a status with a body (objects are sent as JSON), or never (`hang`). */
export type Reply =
  { status: number; headers?: Record<string, string>; body?: string | object } | "hang";

/**
 * A real HTTP server on 127.0.0.1 for the translation providers' wire formats, answering from a
 * script and keeping every request. Hung requests are cut when the server closes.
 */
export async function startTranslationServer(
  script: (call: SeenCall, index: number) => Reply,
): Promise<{ url: string; calls: SeenCall[]; close(): Promise<void> }> {
  const calls: SeenCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const form = String(req.headers["content-type"]).includes("x-www-form-urlencoded");
      const call = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: decode(raw, form),
      };
      const reply = script(call, calls.length);
      calls.push(call);
      if (reply === "hang") return;
      const body = typeof reply.body === "object" ? JSON.stringify(reply.body) : reply.body;
      res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function decode(raw: string, form: boolean): unknown {
  if (form) {
    const params = new URLSearchParams(raw);
    return Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)]));
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

const glossary = new Glossary(GLOSSARY_ZH);

/**
 * What a good model would write, in length and in what it must keep: the glossary's Chinese for
 * each term of the source, its math and URLs verbatim, and filler to about 0.35 of the English
 * length (the ratio of the reference digest's Chinese abstracts to their English).
 */
export function fakeChinese(english: string): string {
  const kept = [
    ...glossary.termsIn(english).map((t) => t.zh),
    ...protectedSpans(english).map((s) => s.text),
  ];
  const target = Math.max(8, Math.round(english.length * 0.35));
  const head = `本文研究${kept.join("，")}。`;
  return (
    head + "我们提出方法并验证其效果。".repeat(Math.max(0, Math.ceil((target - head.length) / 13)))
  );
}

/**
 * A one-line summary as a good model writes it (一句话总结): what the paper is about, in the
 * glossary's words, then what it found; about 40 characters, as asked (at most 60).
 */
export function fakeSummary(paper: { title: string; abstract: string }): string {
  const terms = [...new Set(glossary.termsIn(paper.title, paper.abstract).map((t) => t.zh))];
  const topic = terms.slice(0, 2).join("与") || "该问题";
  return `本文针对${topic}提出一种新方法，实验表明其效果优于现有方法。`;
}

/** Whether the request's system prompt asks for the summary field (TRANSLATOR_SUMMARY). */
function asksForSummary(call: SeenCall): boolean {
  return messageOf(call, "system").includes('"summary"');
}

/** The text of a chat request's message from `role` ("system", "user"). */
export function messageOf(call: SeenCall, role: string): string {
  const messages = (call.body as { messages: { role: string; content: string }[] }).messages;
  return messages.find((m) => m.role === role)?.content ?? "";
}

/** The papers of an OpenAI chat request: the JSON the user message starts with. */
export function papersOf(call: SeenCall): { id: string; title: string; abstract: string }[] {
  const user = messageOf(call, "user");
  return (
    JSON.parse(user.split("\n\n")[0] ?? "{}") as {
      papers: { id: string; title: string; abstract: string }[];
    }
  ).papers;
}

/** A chat-completions answer whose message is `content`. */
export function chatReply(content: string, finishReason = "stop"): Reply {
  return {
    status: 200,
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      model: "test-model",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    },
  };
}

/**
 * The answer a good model gives to a chat request, leaving out the papers `skip` names; with the
 * summary field when the prompt asks for it.
 */
export function goodChatReply(
  call: SeenCall,
  skip: (paper: { id: string; title: string }) => boolean = () => false,
): Reply {
  const translations = papersOf(call)
    .filter((p) => !skip(p))
    .map((p) => ({
      id: p.id,
      title: fakeChinese(p.title),
      abstract: fakeChinese(p.abstract),
      ...(asksForSummary(call) ? { summary: fakeSummary(p) } : {}),
    }));
  return chatReply(JSON.stringify({ translations }));
}
