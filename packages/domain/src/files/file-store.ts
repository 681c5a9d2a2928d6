// One interface for where files live. Local disk by default; an S3-compatible bucket when
// S3_BUCKET is set. Callers never learn which: URLs stay /files/<key> and the apps read through it.
import { fileStorageEnv, type FileStorageEnv } from "@market/config/env";
import { createLocalFileStore } from "./local-file-store.ts";
import { createS3FileStore } from "./s3-file-store.ts";

export type StoredFile = { body: Buffer; contentType: string; size: number };
export type ListedFile = { key: string; size: number; lastModified: Date };

export interface FileStore {
  readonly kind: "local" | "s3";
  /** Writes (or replaces) the file; the body is complete when the promise resolves. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or null when no file has that key (or the key is not a valid one). */
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Every stored file whose key starts with `prefix` (S3 semantics: a string prefix, not only a
   * folder), read lazily page by page, in no promised order. Files being written are not listed.
   */
  list(prefix: string): AsyncIterable<ListedFile>;
}

export function createFileStore(env: FileStorageEnv): FileStore {
  if (env.S3_BUCKET) {
    return createS3FileStore({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return createLocalFileStore(env.FILES_DIR);
}

let cached: FileStore | undefined;

/** The process's file store, chosen once from the environment. */
export function getFileStore(): FileStore {
  cached ??= createFileStore(fileStorageEnv());
  return cached;
}

/** Tests swap the store (a temporary directory, a fake S3); undefined restores the default. */
export function setFileStoreForTesting(store: FileStore | undefined): void {
  cached = store;
}
