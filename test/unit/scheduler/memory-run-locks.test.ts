import { runLockStoreContract } from "../../support/run-lock-store-contract";
import { memoryRunLocks } from "./memory-run-locks";

describe("the in-memory run locks keep the run lock store's contract", () => {
  runLockStoreContract(async () => {
    const store = memoryRunLocks();
    return { a: store, b: store, close: async () => undefined };
  });
});
