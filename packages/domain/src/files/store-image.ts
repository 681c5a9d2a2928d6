// Seller pictures: checked, re-encoded, and stored under the shop's own prefix, so that a key
// proves which shop uploaded it (describeStoredImage refuses keys of other shops).
import { randomUUID } from "node:crypto";
import { fileStorageEnv } from "@market/config/env";
import sharp from "sharp";
import { AppError } from "../errors.ts";
import { getFileStore } from "./file-store.ts";
import { processImage, type ImageKind } from "./process-image.ts";
import { isValidStorageKey } from "./storage-key.ts";

export type ImageUpload = {
  body: Buffer;
  /** Only for logs and messages: the type is decided from the bytes. */
  filename: string;
  /** What the browser claimed; ignored for the same reason. */
  declaredType: string;
};
export type StoredImage = { storageKey: string; width: number; height: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertSellerId(sellerId: string) {
  if (!UUID.test(sellerId)) throw new AppError("NOT_FOUND", "We could not find that shop.");
}

/** The configured upload limit (UPLOAD_MAX_IMAGE_BYTES, default 10 MB). */
export function maxImageBytes(): number {
  return fileStorageEnv().UPLOAD_MAX_IMAGE_BYTES;
}

const FOLDERS: Record<ImageKind, string> = { product: "images", logo: "logo" };

async function store(sellerId: string, upload: ImageUpload, kind: ImageKind): Promise<StoredImage> {
  assertSellerId(sellerId);
  const image = await processImage(upload.body, kind, { maxBytes: maxImageBytes() });
  const storageKey = `sellers/${sellerId.toLowerCase()}/${FOLDERS[kind]}/${randomUUID()}.webp`;
  await getFileStore().put(storageKey, image.body, image.contentType);
  return { storageKey, width: image.width, height: image.height };
}

/** A product picture: fits 1600×1600, WebP, no metadata. Throws ImageRejectedError. */
export function storeProductImage(sellerId: string, upload: ImageUpload): Promise<StoredImage> {
  return store(sellerId, upload, "product");
}

/** A shop logo: 512×512 WebP with transparent margins. Throws ImageRejectedError. */
export function storeShopLogo(sellerId: string, upload: ImageUpload): Promise<StoredImage> {
  return store(sellerId, upload, "logo");
}

/** Whether the key is one this shop's uploads produce (not whether the file exists). */
export function isSellerImageKey(sellerId: string, storageKey: string, kind?: ImageKind): boolean {
  if (!UUID.test(sellerId) || !isValidStorageKey(storageKey)) return false;
  const folders = kind ? [FOLDERS[kind]] : Object.values(FOLDERS);
  return folders.some((folder) => new RegExp(`^sellers/${sellerId.toLowerCase()}/${folder}/[0-9a-f-]{36}\\.webp$`).test(storageKey));
}

/**
 * The stored image's real size, or null when the key is not one of this shop's uploads or the
 * file is gone. Listings and the shop settings call this before saving a key a client sent, so
 * a shop can only attach pictures it uploaded itself.
 */
export async function describeStoredImage(sellerId: string, storageKey: string, kind?: ImageKind): Promise<StoredImage | null> {
  if (!isSellerImageKey(sellerId, storageKey, kind)) return null;
  const file = await getFileStore().get(storageKey);
  if (!file) return null;
  try {
    const { width, height } = await sharp(file.body).metadata();
    if (!width || !height) return null;
    return { storageKey, width, height };
  } catch {
    return null;
  }
}
