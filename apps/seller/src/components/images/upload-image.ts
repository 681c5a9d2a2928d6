// One picture to POST /api/uploads/{images,logo} with upload progress (fetch cannot report it).
// The server decides what is accepted; this only turns its answer into a result or a message.

export type UploadTarget = "images" | "logo";
export type UploadAnswer = { storageKey: string; url: string; width: number; height: number };

export const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.join(",");
/** Mirrors the server's default (UPLOAD_MAX_IMAGE_BYTES); the server has the last word. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export class UploadFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A quick check before sending, so an obviously wrong file fails at once. Null: looks fine. */
export function precheck(file: File): string | null {
  if (file.type === "image/svg+xml" || /\.svg$/i.test(file.name)) return "SVG images are not accepted, because they can contain scripts. Upload a JPEG, PNG, WebP or AVIF picture.";
  if (file.type === "image/gif") return "GIF images are not accepted. Upload a JPEG, PNG, WebP or AVIF picture.";
  // Some systems send no type at all (or HEIC as an empty one); the server then decides by the bytes.
  if (file.type && !(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return "This file is not a supported picture. Upload a JPEG, PNG, WebP or AVIF picture.";
  if (file.size > MAX_UPLOAD_BYTES) return "The file is larger than 10 MB. Upload a smaller image.";
  if (file.size === 0) return "The file is empty.";
  return null;
}

export function uploadImage(target: UploadTarget, sellerId: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/uploads/${target}`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (UploadAnswer & { error?: { code: string; message: string } }) | null;
      if (request.status >= 200 && request.status < 300 && body?.storageKey) resolve(body);
      else if (body?.error) reject(new UploadFailure(body.error.code, body.error.message));
      else if (request.status === 413) reject(new UploadFailure("FILE_TOO_LARGE", "The file is too large. Upload a smaller image."));
      else reject(new UploadFailure("UPLOAD_FAILED", "The picture could not be uploaded. Please try again."));
    };
    request.onerror = () => reject(new UploadFailure("NETWORK", "The upload was interrupted. Check your connection and try again."));
    request.onabort = () => reject(new UploadFailure("ABORTED", "The upload was cancelled."));
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    const form = new FormData();
    form.set("sellerId", sellerId);
    form.set("file", file);
    request.send(form);
  });
}
