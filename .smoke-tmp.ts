import { readFileSync, readdirSync } from "fs";
import { parseArxivFeed } from "./src/arxiv/parse-arxiv-feed";
(async () => {
  const dir = "test/fixtures/quirks";
  for (const f of readdirSync(dir)) {
    try {
      const feed = await parseArxivFeed(readFileSync(`${dir}/${f}`, "utf8"), f);
      console.log(f, JSON.stringify(feed, null, 1));
    } catch (e) {
      console.log(f, "ERR", (e as Error).name, (e as Error).message);
    }
  }
})();
