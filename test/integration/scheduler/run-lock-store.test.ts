import { createRunLockStore } from "../../../src/db/run-lock-store";
import { describeEachDatabase } from "../../support/databases";
import { openTestDb } from "../../support/open-test-db";
import { runLockStoreContract } from "../../support/run-lock-store-contract";

describeEachDatabase("the run lock store on %s", (kind) => {
  runLockStoreContract(async () => {
    const opened = await openTestDb(kind);
    const second = await opened.connect();
    return {
      a: createRunLockStore(opened.db),
      b: createRunLockStore(second),
      close: opened.close,
    };
  });
});
