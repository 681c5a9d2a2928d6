// Files (product images, logos, CSV uploads) on local disk under .data/files by default.
import { existsSync } from "node:fs";
import { lstat, mkdir, opendir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { FileStore, ListedFile, StoredFile } from "./file-store.ts";
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

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOENT" || (error as NodeJS.ErrnoException | null)?.code === "ENOTDIR";

/**
 * Files under `directory` (whose key is `keyPrefix` + the relative path), depth first. Symbolic
 * links are never followed (they could point outside the store), writes in progress (`.partial`)
 * and names that are not valid keys are left out, and a folder that disappears mid-walk (pruned
 * by someone else) simply ends its branch.
 */
async function* walk(directory: string, keyPrefix: string, nameStartsWith: string): AsyncGenerator<ListedFile> {
  let dir;
  try {
    dir = await opendir(/* turbopackIgnore: true */ directory);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for await (const entry of dir) {
    if (!entry.name.startsWith(nameStartsWith) || entry.isSymbolicLink()) continue;
    const key = keyPrefix + entry.name;
    const target = path.join(/* turbopackIgnore: true */ directory, entry.name);
    if (entry.isDirectory()) {
      if (isValidStorageKey(key)) yield* walk(target, `${key}/`, "");
    } else if (entry.isFile() && !entry.name.endsWith(".partial") && isValidStorageKey(key)) {
      try {
        const info = await lstat(/* turbopackIgnore: true */ target);
        if (info.isFile()) yield { key, size: info.size, lastModified: info.mtime };
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
  }
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
    async *list(prefix) {
      // The folder part of the prefix is walked; its last segment filters that folder's names.
      const slash = prefix.lastIndexOf("/");
      const folder = slash === -1 ? "" : prefix.slice(0, slash);
      const start = slash === -1 ? root() : resolveInside(root(), folder);
      if (!start) return;
      yield* walk(start, folder ? `${folder}/` : "", prefix.slice(slash + 1));
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
