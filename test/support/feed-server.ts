import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it. */
export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** How to answer the n-th request (0-based): status, headers, body; or `hang` to never answer. */
export type Answer =
  { status: number; headers?: Record<string, string>; body?: string | Buffer } | "hang";

/** A real HTTP server on 127.0.0.1 that answers from a script and records what it was asked. */
export async function startFeedServer(script: (request: SeenRequest, index: number) => Answer) {
  const seen: SeenRequest[] = [];
  const hung: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const request = { path: req.url ?? "", headers: req.headers };
    const answer = script(request, seen.length);
    seen.push(request);
    if (answer === "hang") {
      hung.push(res);
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rss/`,
    seen,
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
