// Seller pictures land under the shop's own prefix as WebP; describeStoredImage only vouches for
// keys of the asking shop that exist.
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { jpegImage, pngImage, SVG_WITH_SCRIPT, useTemporaryFileStore } from "./testing/index.ts";
import { createLocalFileStore } from "./local-file-store.ts";
import { describeStoredImage, storeProductImage, storeShopLogo } from "./store-image.ts";

const shopA = randomUUID();
const shopB = randomUUID();
const directory = useTemporaryFileStore("images-");

const upload = (body: Buffer, filename = "photo.jpg", declaredType = "image/jpeg") => ({ body, filename, declaredType });

describe("storeProductImage / storeShopLogo", () => {
  it("stores a WebP under sellers/<id>/images/<uuid>.webp and reports its size", async () => {
    const stored = await storeProductImage(shopA, upload(await jpegImage(2400, 1200, { gps: true })));
    expect(stored.storageKey).toMatch(new RegExp(`^sellers/${shopA}/images/[0-9a-f-]{36}\\.webp$`));
    expect(stored).toMatchObject({ width: 1600, height: 800 });
    const file = await createLocalFileStore(directory()).get(stored.storageKey);
    const meta = await sharp(file!.body).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1600, height: 800 });
    expect(meta.exif).toBeUndefined();
  });

  it("stores a logo under sellers/<id>/logo/", async () => {
    const stored = await storeShopLogo(shopA, upload(await pngImage(300, 300), "logo.png", "image/png"));
    expect(stored).toMatchObject({ storageKey: expect.stringMatching(new RegExp(`^sellers/${shopA}/logo/[0-9a-f-]{36}\\.webp$`)), width: 512, height: 512 });
  });

  it("stores nothing for a rejected file, whatever it claims to be", async () => {
    const before = await readdir(directory(), { recursive: true });
    await expect(storeProductImage(shopB, upload(SVG_WITH_SCRIPT, "cute.png", "image/png"))).rejects.toMatchObject({ reason: "SVG_NOT_ALLOWED" });
    expect(await readdir(directory(), { recursive: true })).toEqual(before);
  });

  it("refuses a seller id that is not an id (no path tricks through it)", async () => {
    await expect(storeProductImage("../../etc", upload(await jpegImage()))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("describeStoredImage", () => {
  it("describes the shop's own stored image", async () => {
    const stored = await storeProductImage(shopA, upload(await jpegImage(640, 480)));
    expect(await describeStoredImage(shopA, stored.storageKey)).toEqual({ storageKey: stored.storageKey, width: 640, height: 480 });
    expect(await describeStoredImage(shopA, stored.storageKey, "logo")).toBeNull();
  });

  it("is null for another shop's image, a missing file, or a key outside the shop's folders", async () => {
    const stored = await storeProductImage(shopA, upload(await jpegImage(640, 480)));
    expect(await describeStoredImage(shopB, stored.storageKey)).toBeNull();
    expect(await describeStoredImage(shopA, `sellers/${shopA}/images/${randomUUID()}.webp`)).toBeNull();
    expect(await describeStoredImage(shopA, `sellers/${shopA}/../${shopB}/images/x.webp`)).toBeNull();
    expect(await describeStoredImage(shopA, "products/01a02a36-6d15-7a16-b19d-e8519bfd5127/1.svg")).toBeNull();
  });
});
