import fs from "node:fs/promises";
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
