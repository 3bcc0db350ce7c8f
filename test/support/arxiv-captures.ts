import fs from "node:fs";
import path from "node:path";
import type { ExternalResource } from "./external-resources";

/** Real arXiv feeds, read in place from the shared folder beside the repository, never copied. */
export const ARXIV_CAPTURES_DIR = path.resolve(
  __dirname,
  "..",
  "..",
  "..",
  "shared",
  "arxiv-captures",
);

export const ARXIV_CAPTURES: ExternalResource = {
  key: "ARXIV_CAPTURES",
  missing: `no arXiv captures at ${ARXIV_CAPTURES_DIR}`,
  remedy: "put the shared folder (with arxiv-captures/) beside the repository",
  isPresent: async () => fs.existsSync(ARXIV_CAPTURES_DIR),
};
