// Files (product images, logos, CSV uploads) on local disk under .data/files by default.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { FileStore, StoredFile } from "./file-store.ts";
import { assertValidStorageKey, contentTypeForKey, isPublicImageKey, isValidStorageKey } from "./storage-key.ts";

function findRepositoryRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

export function filesDirectory(): string {
  return process.env.FILES_DIR ?? path.join(findRepositoryRoot(process.cwd()), ".data", "files");
}

export function fileUrl(storageKey: string): string {
  return `/files/${storageKey.split("/").map(encodeURIComponent).join("/")}`;
}

/** The key's path under root, or null when it would leave root (defence beside the key check). */
function resolveInside(root: string, key: string): string | null {
  if (!isValidStorageKey(key)) return null;
  // Files are data written at run time, not part of the build: keep Next's tracer from
  // following these paths (it would otherwise copy the whole repository into the standalone build).
  const resolved = path.resolve(/* turbopackIgnore: true */ root, key);
  return resolved.startsWith(path.resolve(/* turbopackIgnore: true */ root) + path.sep) ? resolved : null;
}

export function createLocalFileStore(directory?: string): FileStore {
  const root = () => path.resolve(/* turbopackIgnore: true */ directory ?? filesDirectory());
  return {
    kind: "local",
    async put(key, body) {
      assertValidStorageKey(key);
      const target = resolveInside(root(), key)!;
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside and rename: a reader never sees half a file.
      const temporary = `${target}.${randomUUID()}.partial`;
      try {
        await writeFile(temporary, body);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      const target = resolveInside(root(), key);
      if (!target) return null;
      try {
        const info = await stat(/* turbopackIgnore: true */ target);
        if (!info.isFile()) return null;
        return { body: await readFile(/* turbopackIgnore: true */ target), contentType: contentTypeForKey(key), size: info.size };
      } catch {
        return null;
      }
    },
    async exists(key) {
      const target = resolveInside(root(), key);
      if (!target) return false;
      try {
        return (await stat(/* turbopackIgnore: true */ target)).isFile();
      } catch {
        return false;
      }
    },
    async delete(key) {
      const target = resolveInside(root(), key);
      if (target) await rm(target, { force: true });
    },
  };
}

/**
 * Reads a stored image from local disk; null when the key is unknown, is not an image or tries
 * to leave the files directory. Kept for callers that predate the FileStore.
 */
export async function readLocalFile(storageKey: string): Promise<StoredFile | null> {
  if (!isPublicImageKey(storageKey)) return null;
  return createLocalFileStore().get(storageKey);
}
