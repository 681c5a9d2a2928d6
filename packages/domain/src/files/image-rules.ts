// What a seller may upload as a picture, and why a file is turned away. Every reason has a
// stable code (the HTTP API and the portal show the message; scripts match on the code).
import { AppError } from "../errors.ts";

export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export const DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Side limits: smaller looks blurred on a product page; larger is a decompression bomb risk. */
export const MIN_IMAGE_SIDE = 200;
export const MIN_LOGO_SIDE = 128;
export const MAX_IMAGE_SIDE = 8000;
/** Stored product images fit this box; logos are this square. */
export const PRODUCT_IMAGE_MAX_SIDE = 1600;
export const LOGO_SIDE = 512;

export type ImageRejectReason =
  | "FILE_EMPTY"
  | "FILE_TOO_LARGE"
  | "UNSUPPORTED_TYPE"
  | "SVG_NOT_ALLOWED"
  | "ANIMATED_NOT_ALLOWED"
  | "IMAGE_CORRUPT"
  | "IMAGE_TOO_SMALL"
  | "IMAGE_TOO_LARGE";

/** HTTP status per reason: 413 and 415 let generic clients understand without reading the code. */
export const IMAGE_REJECT_STATUS: Record<ImageRejectReason, 400 | 413 | 415> = {
  FILE_EMPTY: 400,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  SVG_NOT_ALLOWED: 415,
  ANIMATED_NOT_ALLOWED: 415,
  IMAGE_CORRUPT: 400,
  IMAGE_TOO_SMALL: 400,
  IMAGE_TOO_LARGE: 400,
};

export class ImageRejectedError extends AppError {
  constructor(
    readonly reason: ImageRejectReason,
    message: string,
  ) {
    super("BAD_REQUEST", message);
    this.name = "ImageRejectedError";
  }
}

export const isImageRejectedError = (error: unknown): error is ImageRejectedError => error instanceof ImageRejectedError;

export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`);

export const REJECT_MESSAGES = {
  empty: "The file is empty.",
  tooLarge: (maxBytes: number) => `The file is larger than ${formatBytes(maxBytes)}. Upload a smaller image.`,
  notImage: "This file is not an image. Upload a JPEG, PNG, WebP or AVIF picture.",
  gif: "GIF images are not accepted. Upload a JPEG, PNG, WebP or AVIF picture.",
  heic: "HEIC photos are not accepted. Export the photo as JPEG (or set the camera to “Most compatible”) and upload it again.",
  svg: "SVG images are not accepted, because they can contain scripts. Upload a JPEG, PNG, WebP or AVIF picture.",
  animated: "Animated images are not accepted. Upload a still picture.",
  corrupt: "The image could not be read: the file is damaged or incomplete.",
  tooSmall: (min: number) => `The image is too small: it needs at least ${min}×${min} pixels.`,
  tooBig: (max: number) => `The image is too large: at most ${max}×${max} pixels.`,
} as const;
