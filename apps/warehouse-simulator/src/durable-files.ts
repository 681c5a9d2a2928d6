// The two ways the state reaches the disk, each done so that a crash at any moment leaves either
// what was there before or the whole new text: a file is replaced by writing a temporary file,
// syncing it and renaming it over the old one; a journal grows by appending and syncing, a crash
// tearing at most the last, unfinished line (which the reader ignores).
import { constants } from "node:fs";
import { mkdir, open, rename } from "node:fs/promises";
import path from "node:path";

export async function replaceFile(file: string, text: string): Promise<void> {
  const directory = path.dirname(file);
  await mkdir(directory, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w", 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  // The rename itself is durable only once the directory is: until then a crash could bring back
  // the old file, behind the back of a save that already resolved.
  await syncDirectory(directory);
}

/** Fails if the file is missing, rather than starting a journal without its header line. */
export async function appendToFile(file: string, text: string): Promise<void> {
  const handle = await open(file, constants.O_WRONLY | constants.O_APPEND);
  try {
    await handle.appendFile(text, "utf8");
    // The data and the new length, not the timestamps: what the reader needs, and cheaper.
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch (error) {
    // Windows can neither open nor sync a directory; there a rename is as durable as it gets.
    if (!["EISDIR", "EPERM", "EACCES", "EINVAL"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  } finally {
    await handle?.close();
  }
}
