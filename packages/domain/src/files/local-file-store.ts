// Files (product images, logos, CSV uploads) on local disk under .data/files by default.
// An S3-compatible store arrives with the seller uploads; URLs stay /files/<key> either way.
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export type StoredFile = { body: Buffer; contentType: string; size: number };

const CONTENT_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

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

/** Reads a stored file; null when the key is unknown or tries to leave the files directory. */
export async function readLocalFile(storageKey: string): Promise<StoredFile | null> {
  const root = filesDirectory();
  const resolved = path.resolve(root, storageKey);
  if (!resolved.startsWith(root + path.sep)) return null;
  const contentType = CONTENT_TYPES[path.extname(resolved).toLowerCase()];
  if (!contentType) return null;
  try {
    const info = await stat(resolved);
    if (!info.isFile()) return null;
    return { body: await readFile(resolved), contentType, size: info.size };
  } catch {
    return null;
  }
}
