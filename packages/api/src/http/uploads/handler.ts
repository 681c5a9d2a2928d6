// POST /api/uploads/images and /api/uploads/logo (seller portal): a signed-in seller sends one
// picture as multipart form-data (`file`, `sellerId`). Per request: method -> same origin (403)
// -> session (401) and SELLER role (403) -> rate limit per user (429) -> size, declared and
// counted while reading (413) -> form fields (400) -> shop membership (404, like a missing
// shop) -> the image pipeline (400/413/415) -> { storageKey, url, width, height }.
import { isAppError } from "@market/domain";
import {
  fileUrl,
  IMAGE_REJECT_STATUS,
  isImageRejectedError,
  maxImageBytes,
  storeProductImage,
  storeShopLogo,
  type ImageRejectReason,
  type ImageUpload,
  type StoredImage,
} from "@market/domain/files";
import { hitRateLimit, type RateLimitState } from "@market/domain/rate-limit";
import { requireShopMember } from "@market/domain/seller-dashboard";
import type { SessionUser } from "../../context.ts";
import { readLimitedBody } from "../read-limited-body.ts";

export type UploadKind = "product" | "logo";
export type UploadErrorCode =
  | "METHOD_NOT_ALLOWED"
  | "CROSS_ORIGIN"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "INVALID_FORM"
  | "NOT_FOUND"
  | "INTERNAL"
  | ImageRejectReason;

export type UploadResult = { storageKey: string; url: string; width: number; height: number };

type Log = (level: "warn" | "error", fields: Record<string, unknown>) => void;

export type UploadHandlerOptions = {
  kind: UploadKind;
  getUser: (request: Request) => Promise<SessionUser | null>;
  /** Origins the portal is reached at besides the request's own host (its public URL). */
  allowedOrigins: string[];
  trustForwardedHost: boolean;
  /** Default: UPLOAD_MAX_IMAGE_BYTES (10 MB). */
  maxBytes?: number;
  /** Uploads per user per window (default 60 per 10 minutes: a full product gallery, many times). */
  rateLimit?: { limit: number; windowSeconds: number };
  store?: (sellerId: string, upload: ImageUpload) => Promise<StoredImage>;
  log?: Log;
};

const DEFAULT_RATE_LIMIT = { limit: 60, windowSeconds: 600 };
// Room for the multipart boundaries, headers and the sellerId field around the file itself.
const FORM_OVERHEAD_BYTES = 16 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: UploadErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

const defaultLog: Log = (level, fields) => console.error(JSON.stringify({ level, msg: "image upload", ...fields }));

/**
 * A session cookie rides along on cross-site form posts, and multipart is a "simple" request a
 * foreign page may send without asking. So the browser's Origin must be ours; browsers send it on
 * every POST, and a missing one is refused rather than trusted.
 */
function sameOrigin(request: Request, options: UploadHandlerOptions): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const forwarded = options.trustForwardedHost ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || request.headers.get("host");
  if (parsed.host === host) return true;
  return options.allowedOrigins.some((allowed) => URL.canParse(allowed) && new URL(allowed).origin === parsed.origin);
}

const rateLimited = (state: RateLimitState) =>
  new UploadError(429, "RATE_LIMITED", `Too many uploads. Try again in ${Math.ceil(state.retryAfterSeconds / 60)} minute(s).`, {
    "Retry-After": String(state.retryAfterSeconds),
  });

export function createUploadHandler(options: UploadHandlerOptions) {
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const store = options.store ?? (options.kind === "logo" ? storeShopLogo : storeProductImage);
  const log = options.log ?? defaultLog;

  async function handle(request: Request): Promise<UploadResult> {
    if (request.method !== "POST") throw new UploadError(405, "METHOD_NOT_ALLOWED", "Send the picture with POST.", { Allow: "POST" });
    if (!sameOrigin(request, options)) throw new UploadError(403, "CROSS_ORIGIN", "Uploads are only accepted from the seller portal itself.");

    const user = await options.getUser(request);
    if (!user) throw new UploadError(401, "UNAUTHORIZED", "Please sign in to continue.");
    if (user.role !== "SELLER") throw new UploadError(403, "FORBIDDEN", "Your account does not have access to this.");

    const state = await hitRateLimit({ key: `uploads:user:${user.id}`, ...rateLimit });
    if (!state.allowed) throw rateLimited(state);

    const contentType = request.headers.get("content-type") ?? "";
    if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType)) {
      throw new UploadError(400, "INVALID_FORM", "Send the picture as multipart/form-data with the fields “file” and “sellerId”.");
    }
    const maxBytes = options.maxBytes ?? maxImageBytes();
    const tooLarge = () => new UploadError(413, "FILE_TOO_LARGE", `The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB. Upload a smaller image.`);
    const raw = await readLimitedBody(request, maxBytes + FORM_OVERHEAD_BYTES, tooLarge);

    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new UploadError(400, "INVALID_FORM", "The form could not be read. Choose the picture again.");
    }
    const sellerId = form.get("sellerId");
    const file = form.get("file");
    if (typeof sellerId !== "string" || sellerId.length === 0) throw new UploadError(400, "INVALID_FORM", "Say which shop the picture is for (sellerId).");
    if (!(file instanceof File)) throw new UploadError(400, "INVALID_FORM", "Choose a picture to upload (the “file” field).");
    if (file.size > maxBytes) throw tooLarge();

    // Another shop's id answers exactly like one that does not exist.
    if (!UUID.test(sellerId)) throw new UploadError(404, "NOT_FOUND", "We could not find that shop.");
    await requireShopMember(user.id, sellerId);

    const stored = await store(sellerId, { body: Buffer.from(await file.arrayBuffer()), filename: file.name, declaredType: file.type });
    return { ...stored, url: fileUrl(stored.storageKey) };
  }

  return async function uploadRoute(request: Request): Promise<Response> {
    try {
      return json(201, await handle(request));
    } catch (error) {
      if (error instanceof UploadError) return json(error.status, { error: { code: error.code, message: error.message } }, error.headers);
      if (isImageRejectedError(error)) return json(IMAGE_REJECT_STATUS[error.reason], { error: { code: error.reason, message: error.message } });
      if (isAppError(error) && error.code === "NOT_FOUND") return json(404, { error: { code: "NOT_FOUND", message: error.message } });
      log("error", { kind: options.kind, error: String(error) });
      return json(500, { error: { code: "INTERNAL", message: "Something went wrong while saving the picture. Please try again." } });
    }
  };
}
