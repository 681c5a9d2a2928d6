// Storage keys are paths inside the file store: `sellers/<id>/images/<uuid>.webp`. Only a narrow
// alphabet is accepted so a key can never climb out of its directory on disk, smuggle a query
// into an S3 URL, or name a hidden file.
import { AppError } from "../errors.ts";

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== ".." && !segment.includes(".."));
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new AppError("BAD_REQUEST", "That file name is not valid.");
}

const CONTENT_TYPES: Record<string, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  avif: "image/avif",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

/** The content type a key's extension stands for; local files carry no other record of it. */
export function contentTypeForKey(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return (key.includes(".") && CONTENT_TYPES[extension]) || "application/octet-stream";
}

/** Keys the public /files route may serve: images only, never import files or reports. */
export function isPublicImageKey(key: string): boolean {
  return isValidStorageKey(key) && contentTypeForKey(key).startsWith("image/");
}
