// A throw-away local file store for a test file: made before its tests, removed after them.
// Returns the folder, for tests that look at the files.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { setFileStoreForTesting } from "../file-store.ts";
import { createLocalFileStore } from "../local-file-store.ts";

export function useTemporaryFileStore(prefix: string): () => string {
  let directory = "";
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), prefix));
    setFileStoreForTesting(createLocalFileStore(directory));
  });
  afterAll(async () => {
    setFileStoreForTesting(undefined);
    await rm(directory, { recursive: true, force: true });
  });
  return () => directory;
}
