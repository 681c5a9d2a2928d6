// Upload abuse: everything a browser (or an attacker with a seller's session) can send to the
// portal's upload routes. Each rejected request must leave the file store untouched.
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { disconnectPrisma, getPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createLocalFileStore, setFileStoreForTesting } from "@market/domain/files";
import { animatedWebp, gifImage, jpegImage, PDF_FILE, pngBomb, pngImage, readImageMetadata, SVG_WITH_SCRIPT, ZIP_FILE } from "@market/domain/files/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "../../context.ts";
import { createUploadHandler, type UploadHandlerOptions } from "./handler.ts";

const ORIGIN = "http://localhost:3001";
let database: FreshDatabase;
let directory: string;
let seller: SessionUser;
let otherSeller: SessionUser;
let shopper: SessionUser;
let shopId: string;
let otherShopId: string;

async function user(role: SessionUser["role"]): Promise<SessionUser> {
  const email = `${role.toLowerCase()}-${randomUUID()}@example.com`;
  const row = await getPrisma().user.create({ data: { email, name: role, role }, select: { id: true } });
  return { id: row.id, email, name: role, role };
}

async function shopOwnedBy(owner: SessionUser) {
  const slug = `shop-${randomUUID()}`;
  const shop = await getPrisma().seller.create({ data: { slug, name: slug, status: "ACTIVE", members: { create: { userId: owner.id, role: "OWNER" } } }, select: { id: true } });
  return shop.id;
}

beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_uploads" });
  process.env.DATABASE_URL = database.url;
  directory = await mkdtemp(path.join(tmpdir(), "uploads-"));
  setFileStoreForTesting(createLocalFileStore(directory));
  seller = await user("SELLER");
  otherSeller = await user("SELLER");
  shopper = await user("CUSTOMER");
  shopId = await shopOwnedBy(seller);
  otherShopId = await shopOwnedBy(otherSeller);
});
afterAll(async () => {
  setFileStoreForTesting(undefined);
  await rm(directory, { recursive: true, force: true });
  await disconnectPrisma();
  await database?.drop();
});
beforeEach(async () => {
  await getPrisma().rateLimitBucket.deleteMany();
});

const storedFiles = async () => (await readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);

function handler(overrides: Partial<UploadHandlerOptions> = {}, signedIn: SessionUser | null = seller) {
  return createUploadHandler({ kind: "product", getUser: async () => signedIn, allowedOrigins: [ORIGIN], trustForwardedHost: false, ...overrides });
}

function form(file: Buffer | null, filename: string, type: string, sellerId: string | null = shopId) {
  const body = new FormData();
  if (file) body.set("file", new File([new Uint8Array(file)], filename, { type }));
  if (sellerId !== null) body.set("sellerId", sellerId);
  return body;
}

function post(body: BodyInit, headers: Record<string, string> = {}, url = "http://localhost:3001/api/uploads/images") {
  return new Request(url, { method: "POST", body, headers: { origin: ORIGIN, host: "localhost:3001", ...headers } });
}

async function expectRejected(response: Response, status: number, code: string) {
  const body = (await response.json()) as { error?: { code: string; message: string } };
  expect({ status: response.status, code: body.error?.code }).toEqual({ status, code });
  expect(body.error?.message).toMatch(/\w/);
  expect(await storedFiles()).toEqual([]);
  return body.error!;
}

describe("upload abuse: rejected, nothing stored", () => {
  it.each([
    ["plain text", () => Buffer.from("just some text\n".repeat(100)), "notes.txt", "text/plain", 415, "UNSUPPORTED_TYPE"],
    ["a PDF", () => PDF_FILE, "invoice.pdf", "application/pdf", 415, "UNSUPPORTED_TYPE"],
    ["a zip archive named .jpg", () => ZIP_FILE, "photo.jpg", "image/jpeg", 415, "UNSUPPORTED_TYPE"],
    ["a GIF", gifImage, "anim.gif", "image/gif", 415, "UNSUPPORTED_TYPE"],
    ["an SVG with a script", () => SVG_WITH_SCRIPT, "logo.svg", "image/svg+xml", 415, "SVG_NOT_ALLOWED"],
    ["an SVG renamed .png and declared image/png", () => SVG_WITH_SCRIPT, "logo.png", "image/png", 415, "SVG_NOT_ALLOWED"],
    ["an animated WebP", animatedWebp, "anim.webp", "image/webp", 415, "ANIMATED_NOT_ALLOWED"],
    ["a truncated JPEG", async () => (await jpegImage(1200, 900)).subarray(0, 4000), "cut.jpg", "image/jpeg", 400, "IMAGE_CORRUPT"],
    ["a JPEG signature before an HTML page (polyglot)", () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(1)</script>".repeat(30))]), "x.jpg", "image/jpeg", 400, "IMAGE_CORRUPT"],
    ["a PNG decompression bomb (100 000 × 100 000 px)", pngBomb, "bomb.png", "image/png", 400, "IMAGE_TOO_LARGE"],
    ["a too small picture", () => pngImage(120, 120), "tiny.png", "image/png", 400, "IMAGE_TOO_SMALL"],
  ] as const)("%s", async (_name, make, filename, type, status, code) => {
    await expectRejected(await handler()(post(form(await make(), filename, type))), status, code);
  });

  it("a file over 10 MB, counted while reading", async () => {
    const huge = Buffer.concat([await jpegImage(), Buffer.alloc(10 * 1024 * 1024, 0x41)]);
    const error = await expectRejected(await handler()(post(form(huge, "big.jpg", "image/jpeg"))), 413, "FILE_TOO_LARGE");
    expect(error.message).toBe("The file is larger than 10 MB. Upload a smaller image.");
  });

  it("a body whose Content-Length is over the limit, before reading it", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://localhost:3001/api/uploads/images", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { origin: ORIGIN, host: "localhost:3001", "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
    } as RequestInit);
    await expectRejected(await handler()(request), 413, "FILE_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("an endless body without Content-Length stops at the limit", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 256 * 1024;
        controller.enqueue(new Uint8Array(256 * 1024));
      },
    });
    const request = new Request("http://localhost:3001/api/uploads/images", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { origin: ORIGIN, host: "localhost:3001", "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit);
    await expectRejected(await handler({ maxBytes: 1024 * 1024 })(request), 413, "FILE_TOO_LARGE");
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it("another seller's shop answers 404, like a shop that does not exist", async () => {
    const picture = await jpegImage();
    await expectRejected(await handler()(post(form(picture, "a.jpg", "image/jpeg", otherShopId))), 404, "NOT_FOUND");
    await expectRejected(await handler()(post(form(picture, "a.jpg", "image/jpeg", randomUUID()))), 404, "NOT_FOUND");
    await expectRejected(await handler()(post(form(picture, "a.jpg", "image/jpeg", "../../etc"))), 404, "NOT_FOUND");
  });

  it("not signed in: 401; signed in without a seller account: 403", async () => {
    const picture = await jpegImage();
    await expectRejected(await handler({}, null)(post(form(picture, "a.jpg", "image/jpeg"))), 401, "UNAUTHORIZED");
    await expectRejected(await handler({}, shopper)(post(form(picture, "a.jpg", "image/jpeg"))), 403, "FORBIDDEN");
  });

  it("a cross-site form post (or one without Origin) is refused before anything else", async () => {
    const picture = await jpegImage();
    await expectRejected(await handler()(post(form(picture, "a.jpg", "image/jpeg"), { origin: "https://evil.example" })), 403, "CROSS_ORIGIN");
    const noOrigin = new Request("http://localhost:3001/api/uploads/images", { method: "POST", body: form(picture, "a.jpg", "image/jpeg"), headers: { host: "localhost:3001" } });
    await expectRejected(await handler()(noOrigin), 403, "CROSS_ORIGIN");
  });

  it("a form without the file or the shop, or not multipart at all, is a 400", async () => {
    await expectRejected(await handler()(post(form(null, "", ""))), 400, "INVALID_FORM");
    await expectRejected(await handler()(post(form(await jpegImage(), "a.jpg", "image/jpeg", null))), 400, "INVALID_FORM");
    await expectRejected(await handler()(post(JSON.stringify({ sellerId: shopId }), { "content-type": "application/json" })), 400, "INVALID_FORM");
  });

  it("is rate-limited per user with Retry-After", async () => {
    const limited = handler({ rateLimit: { limit: 2, windowSeconds: 60 } });
    for (let i = 0; i < 2; i++) await limited(post(form(Buffer.from("nope"), "a.txt", "text/plain")));
    const response = await limited(post(form(await jpegImage(), "a.jpg", "image/jpeg")));
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectRejected(response, 429, "RATE_LIMITED");
  });
});

describe("upload happy path", () => {
  beforeEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("stores a product picture as WebP under the shop's folder, without its metadata", async () => {
    const response = await handler()(post(form(await jpegImage(2000, 1500, { gps: true, orientation: 6 }), "IMG_0001.JPG", "image/jpeg")));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { storageKey: string; url: string; width: number; height: number };
    expect(body).toEqual({
      storageKey: expect.stringMatching(new RegExp(`^sellers/${shopId}/images/[0-9a-f-]{36}\\.webp$`)),
      url: `/files/${body.storageKey}`,
      width: 1200,
      height: 1600,
    });
    const stored = await createLocalFileStore(directory).get(body.storageKey);
    const meta = await readImageMetadata(stored!.body);
    expect(meta).toMatchObject({ format: "webp", width: 1200, height: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(await storedFiles()).toHaveLength(1);
  });

  it("stores a logo as a 512 px square under the shop's logo folder", async () => {
    const response = await handler({ kind: "logo" })(post(form(await pngImage(800, 300), "logo.png", "image/png"), {}, "http://localhost:3001/api/uploads/logo"));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { storageKey: string; width: number; height: number };
    expect(body).toMatchObject({ storageKey: expect.stringMatching(new RegExp(`^sellers/${shopId}/logo/`)), width: 512, height: 512 });
  });
});
