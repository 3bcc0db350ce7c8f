import { idFromAbsLink, parseVersionedId } from "../../../src/arxiv/arxiv-id";

describe("parseVersionedId", () => {
  test.each([
    ["oai:arXiv.org:2501.08552v1", "2501.08552", 1],
    ["oai:arXiv.org:0704.0001v3", "0704.0001", 3],
    ["oai:arXiv.org:nlin/0408039v2", "nlin/0408039", 2],
    ["http://arxiv.org/abs/cond-mat/0011267v1", "cond-mat/0011267", 1],
    ["https://arxiv.org/abs/2604.26951v12", "2604.26951", 12],
    ["arXiv:math.GT/0309136v4", "math.GT/0309136", 4],
    [" 2501.08552v1 ", "2501.08552", 1],
  ])("%s → %s v%d", (text, arxivId, version) => {
    expect(parseVersionedId(text)).toEqual({ arxivId, version });
  });

  test.each([
    "oai:arXiv.org:2501.08552",
    "2501.08552v0",
    "oai:example.org:2501.08552v1",
    "https://evil.example/abs/2501.08552v1",
    "2501.085v1",
    "",
    "oai:arXiv.org:2501.08552v1 trailing",
  ])("refuses %j", (text) => {
    expect(parseVersionedId(text)).toBeUndefined();
  });
});

describe("idFromAbsLink", () => {
  test.each([
    ["https://arxiv.org/abs/2501.08552", "2501.08552"],
    ["http://arxiv.org/abs/2308.05106", "2308.05106"],
    ["https://arxiv.org/abs/nlin/0408039", "nlin/0408039"],
    ["https://arxiv.org/abs/2501.08552v2", "2501.08552"],
    ["https://example.com/abs/2501.08552", undefined],
  ])("%s → %s", (link, expected) => {
    expect(idFromAbsLink(link)).toBe(expected);
  });
});
