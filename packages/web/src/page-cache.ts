// A short-lived cache of whole pages for shoppers who are not signed in, kept by the production
// server in front of Next.js. Rendering a catalogue page costs tens of milliseconds of CPU (React
// renders it twice: to its RSC payload and to HTML), while most catalogue traffic is anonymous
// and asks for the same pages: the same answer can serve every such shopper for a few seconds.
//
// Why not Next's own caches: every page carries a fresh CSP nonce in its script tags, so Next
// renders it per request (a page cached with its nonce would hand the same nonce to everyone).
// Here the nonce is swapped for a fresh one on every response, so each response still has its
// own unpredictable nonce, and its Content-Security-Policy header names that one.
//
// What keeps a response out:
//  - a request with any cookie that can change the page (the session, the guest cart, the
//    pickup point…): only cookies the caller declares neutral may be present; the language is
//    part of the key, not a reason to skip;
//  - anything but GET, an Authorization header, a path the caller did not allow;
//  - anything but a 200, a response that sets a cookie, an encoded (compressed) body, or one
//    that varies on headers other than those it names in `Vary` (which become part of the key).
//
// The price: an anonymous shopper may see a page up to `ttlMs` old (the same bound as the listing
// cache in @market/domain/search); signed-in shoppers, and anyone with a cart, always get a fresh
// render.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export type PageCacheOptions = {
  /** How long a page is reused; 0 turns the cache off. */
  ttlMs: number;
  /** Paths whose anonymous pages may be shared (the catalogue). */
  cacheablePath: (pathname: string) => boolean;
  /** Cookies that never change what a page shows; any other cookie keeps the request out. */
  neutralCookie: (name: string) => boolean;
  /** What else a page depends on besides its URL and `Vary` headers: the shopper's language. */
  variantOf: (request: IncomingMessage) => string;
  /** Most bytes of pages kept; the least recently used go first. Default 64 MiB. */
  maxBytes?: number;
  now?: () => number;
};

/** A response as it will be stored, before its nonce is swapped. */
export type CapturedPage = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

type StoredPage = {
  status: number;
  /** Header values and the body, each split where the nonce was, to be joined with a new one. */
  headers: [name: string, parts: string[] | string[][]][];
  body: string[];
  bytes: number;
  expires: number;
};

type Entry = { vary: string[]; pages: Map<string, StoredPage> };

// Hop-by-hop and per-response headers: the server sets these itself for every response.
const NOT_STORED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-request-id", "x-page-cache"]);
const NONCE_IN_CSP = /'nonce-([^']+)'/;
const MAX_PAGE_BYTES = 1024 * 1024;

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Cookie names in a Cookie header (values are not needed). */
export function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((part) => part.split("=")[0]!.trim())
    .filter(Boolean);
}

/** One cookie's value from a Cookie header, as sent. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function headerValue(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

export function createPageCache(options: PageCacheOptions) {
  const { ttlMs, maxBytes = 64 * 1024 * 1024, now = Date.now } = options;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    for (const page of entry.pages.values()) bytes -= page.bytes;
    entries.delete(key);
  };

  return {
    enabled: ttlMs > 0,

    /** The key a request's page is kept under, or null when it must be rendered for it alone. */
    keyFor(request: IncomingMessage): string | null {
      if (ttlMs <= 0 || request.method !== "GET" || request.headers.authorization) return null;
      const url = request.url ?? "/";
      const pathname = url.split("?")[0]!;
      if (!options.cacheablePath(pathname)) return null;
      if (!cookieNames(request.headers.cookie).every(options.neutralCookie)) return null;
      // The origin the page was asked under: the proxy's policy depends on the scheme (HTTPS adds
      // upgrade-insecure-requests), and one process may answer to more than one host name.
      const origin = ["x-forwarded-proto", "x-forwarded-host", "host"].map((name) => headerValue(request, name)).join(" ");
      return `${options.variantOf(request)} ${origin} ${url}`;
    },

    /** The page for this request, with a fresh nonce, or null. */
    lookup(key: string, request: IncomingMessage): { status: number; headers: [string, string | string[]][]; body: string } | null {
      const entry = entries.get(key);
      if (!entry) return null;
      const variant = entry.vary.map((name) => headerValue(request, name)).join("\n");
      const page = entry.pages.get(variant);
      if (!page) return null;
      if (page.expires <= now()) {
        entry.pages.delete(variant);
        bytes -= page.bytes;
        if (entry.pages.size === 0) entries.delete(key);
        return null;
      }
      // Map order is the LRU order: a hit moves the page to the end.
      entries.delete(key);
      entries.set(key, entry);
      const nonce = createNonce();
      const join = (parts: string[]) => parts.join(nonce);
      return {
        status: page.status,
        headers: page.headers.map(([name, parts]) => [name, typeof parts[0] === "string" ? join(parts as string[]) : (parts as string[][]).map(join)]),
        body: join(page.body),
      };
    },

    /** Keeps a rendered page if it may be shared; says why not otherwise (for tests and logs). */
    store(key: string, request: IncomingMessage, captured: CapturedPage): string | null {
      const { status, headers, body } = captured;
      if (status !== 200) return "status";
      if (headers["set-cookie"] !== undefined) return "sets a cookie";
      if (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") return "encoded";
      if (!/^text\/(html|x-component)\b/.test(String(headers["content-type"] ?? ""))) return "content type";
      if (body.length > MAX_PAGE_BYTES) return "too large";
      const vary = String(headers.vary ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name && name !== "accept-encoding");
      if (vary.includes("*") || vary.includes("cookie")) return "varies on everything";

      const nonce = NONCE_IN_CSP.exec(String(headers["content-security-policy"] ?? ""))?.[1];
      // Every occurrence is replaced, so it must be a string nothing else on the page contains:
      // the proxy's nonces are 128 random bits.
      if (nonce !== undefined && nonce.length < 16) return "nonce too short";
      const split = (text: string) => (nonce ? text.split(nonce) : [text]);
      const text = body.toString("utf8");
      const stored: StoredPage = {
        status,
        headers: Object.entries(headers)
          .filter(([name, value]) => value !== undefined && !NOT_STORED.has(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value.map((v) => split(String(v))) : split(String(value))]),
        body: split(text),
        bytes: body.length,
        expires: now() + ttlMs,
      };

      let entry = entries.get(key);
      if (!entry || entry.vary.join() !== vary.join()) {
        drop(key);
        entry = { vary, pages: new Map() };
      }
      const variant = vary.map((name) => headerValue(request, name)).join("\n");
      const previous = entry.pages.get(variant);
      if (previous) bytes -= previous.bytes;
      entry.pages.set(variant, stored);
      bytes += stored.bytes;
      entries.delete(key);
      entries.set(key, entry);
      while (bytes > maxBytes && entries.size > 0) drop(entries.keys().next().value!);
      return null;
    },

    clear() {
      entries.clear();
      bytes = 0;
    },

    get size() {
      return { pages: [...entries.values()].reduce((n, e) => n + e.pages.size, 0), bytes };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/**
 * Serves `request` from the cache, or lets `render` answer it and keeps a copy of the answer as it
 * streams out. `render` must write the response uncompressed (compression comes after this).
 */
export function servePage(cache: PageCache, request: IncomingMessage, response: ServerResponse, render: () => void): void {
  const key = cache.keyFor(request);
  if (key === null) return render();

  const hit = cache.lookup(key, request);
  if (hit) {
    response.statusCode = hit.status;
    for (const [name, value] of hit.headers) response.setHeader(name, value);
    response.setHeader("x-page-cache", "hit");
    response.end(hit.body);
    return;
  }

  response.setHeader("x-page-cache", "miss");
  // The status and headers as the app set them, taken before the first byte goes out: compression
  // (further down the chain) then adds its own Content-Encoding, which must not be kept.
  let sent: { status: number; headers: OutgoingHttpHeaders } | undefined;
  const snapshot = (status = response.statusCode, extra?: unknown) => {
    if (sent) return;
    const headers = { ...response.getHeaders() };
    const pairs = Array.isArray(extra) ? extra : extra && typeof extra === "object" ? Object.entries(extra) : [];
    for (const [name, value] of pairs as [string, OutgoingHttpHeaders[string]][]) headers[String(name).toLowerCase()] = value;
    sent = { status, headers };
  };
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    snapshot();
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    size += buffer.length;
    if (size > MAX_PAGE_BYTES) overflow = true;
    else chunks.push(Buffer.from(buffer));
  };
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    snapshot(status, rest.find((arg) => typeof arg === "object"));
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
  response.once("finish", () => {
    if (overflow || !sent) return;
    cache.store(key, request, { status: sent.status, headers: sent.headers, body: Buffer.concat(chunks) });
  });
  render();
}
