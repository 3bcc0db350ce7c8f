import fs from "node:fs/promises";
import { openSync } from "node:fs";
import { describeFileError, InputError } from "../errors";

/**
 * Writes a file the operator named (`--html`, `--text`, a backup): a missing folder or a
 * read-only disk is their mistake, so it is one line naming the file, not a stack.
 */
export async function writeOutputFile(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await fs.writeFile(file, data);
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${describeFileError(error)}`);
  }
}

/** Opens a file the operator named for writing piece by piece (an export), with the same one line. */
export function openOutputFile(file: string): number {
  try {
    return openSync(file, "w");
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${describeFileError(error)}`);
  }
}
