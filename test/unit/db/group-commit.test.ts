import { groupCommit } from "../../../src/db/group-commit";

/** A batch runner that records each call and fails any batch holding a negative number. */
function recordingRunner() {
  const calls: number[][] = [];
  const runBatch = async (items: readonly number[]) => {
    calls.push([...items]);
    if (items.some((item) => item < 0)) throw new Error(`bad item in [${items.join(", ")}]`);
    return items.map((item) => item * 10);
  };
  return { calls, run: groupCommit(runBatch) };
}

describe("groupCommit", () => {
  it("runs the items handed in together as one batch and gives each caller its own result", async () => {
    const { calls, run } = recordingRunner();
    const results = await Promise.all([run(1), run(2), run(3)]);
    expect(results).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("gathers an item handed in on the next turn of the event loop into the same batch", async () => {
    const { calls, run } = recordingRunner();
    const first = run(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = run(2);
    expect(await Promise.all([first, second])).toEqual([10, 20]);
    expect(calls).toEqual([[1, 2]]);
  });

  it("settles no caller before its batch has run", async () => {
    const { calls, run } = recordingRunner();
    let settled = false;
    const pending = run(4).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(calls).toEqual([]);
    await pending;
    expect(calls).toEqual([[4]]);
  });

  it("starts a new batch for items handed in after a batch was run", async () => {
    const { calls, run } = recordingRunner();
    await run(1);
    await run(2);
    expect(calls).toEqual([[1], [2]]);
  });

  it("reruns a failed batch item by item, so only the bad item's caller gets the error", async () => {
    const { calls, run } = recordingRunner();
    const outcomes = await Promise.allSettled([run(1), run(-1), run(3)]);
    expect(outcomes).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: new Error("bad item in [-1]") },
      { status: "fulfilled", value: 30 },
    ]);
    expect(calls).toEqual([[1, -1, 3], [1], [-1], [3]]);
  });
});
