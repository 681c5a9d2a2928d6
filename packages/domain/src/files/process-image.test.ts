// The upload pipeline on real bytes: what is refused (and why, by code), and what is kept.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  animatedPng,
  animatedWebp,
  avifImage,
  gifImage,
  hugeFlatPng,
  jpegImage,
  PDF_FILE,
  pngBomb,
  pngImage,
  SVG_WITH_SCRIPT,
  webpImage,
  ZIP_FILE,
} from "./testing/index.ts";
import { IMAGE_REJECT_STATUS, ImageRejectedError, type ImageRejectReason } from "./image-rules.ts";
import { processImage, sniffImageType } from "./process-image.ts";

async function rejection(promise: Promise<unknown>): Promise<{ reason: ImageRejectReason; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  const { reason, message } = error as ImageRejectedError;
  return { reason, message };
}

describe("processImage refuses", () => {
  it.each([
    ["plain text", () => Buffer.from("hello, this is not a picture\n".repeat(50)), "UNSUPPORTED_TYPE"],
    ["a PDF", () => PDF_FILE, "UNSUPPORTED_TYPE"],
    ["a zip archive", () => ZIP_FILE, "UNSUPPORTED_TYPE"],
    ["a GIF", gifImage, "UNSUPPORTED_TYPE"],
    ["an SVG with a script", () => SVG_WITH_SCRIPT, "SVG_NOT_ALLOWED"],
    ["an SVG with a BOM, comment and no XML declaration", () => Buffer.from("\uFEFF  <!-- logo --><svg width='300' height='300'><script>1</script></svg>"), "SVG_NOT_ALLOWED"],
    ["an animated WebP", animatedWebp, "ANIMATED_NOT_ALLOWED"],
    ["an animated PNG", animatedPng, "ANIMATED_NOT_ALLOWED"],
    ["an empty file", () => Buffer.alloc(0), "FILE_EMPTY"],
  ] as const)("%s", async (_name, make, reason) => {
    expect((await rejection(processImage(await make(), "product"))).reason).toBe(reason);
  });

  it("an SVG renamed .png is recognised by its bytes, whatever the name or declared type", () => {
    expect(() => sniffImageType(SVG_WITH_SCRIPT)).toThrow(/SVG images are not accepted/);
  });

  it("a truncated JPEG", async () => {
    const jpeg = await jpegImage(1200, 900);
    const { reason, message } = await rejection(processImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), "product"));
    expect(reason).toBe("IMAGE_CORRUPT");
    expect(message).toBe("The image could not be read: the file is damaged or incomplete.");
  });

  it("a JPEG signature in front of something else (a polyglot that is no picture)", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(1)</script></html>".repeat(20))]);
    expect((await rejection(processImage(fake, "product"))).reason).toBe("IMAGE_CORRUPT");
  });

  it("a PNG signature on a JPEG body", async () => {
    const jpeg = await jpegImage();
    const lying = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpeg]);
    expect(["IMAGE_CORRUPT", "UNSUPPORTED_TYPE"]).toContain((await rejection(processImage(lying, "product"))).reason);
  });

  it("a file over the size limit, before looking inside it", async () => {
    const { reason, message } = await rejection(processImage(Buffer.alloc(2 * 1024 * 1024 + 1, 0xff), "product", { maxBytes: 2 * 1024 * 1024 }));
    expect(reason).toBe("FILE_TOO_LARGE");
    expect(IMAGE_REJECT_STATUS[reason]).toBe(413);
    expect(message).toBe("The file is larger than 2 MB. Upload a smaller image.");
  });

  it("a decompression bomb: a PNG header claiming 100 000 × 100 000 pixels", async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(1024);
    const started = Date.now();
    expect((await rejection(processImage(bomb, "product"))).reason).toBe("IMAGE_TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a real image over 8000 px on a side, however small the file", async () => {
    const png = await hugeFlatPng(8001, 300);
    expect((await rejection(processImage(png, "product"))).reason).toBe("IMAGE_TOO_LARGE");
  });

  it("an image smaller than 200 × 200 (a logo may be 128)", async () => {
    expect((await rejection(processImage(await pngImage(199, 800), "product"))).reason).toBe("IMAGE_TOO_SMALL");
    expect((await rejection(processImage(await pngImage(127, 300), "logo"))).reason).toBe("IMAGE_TOO_SMALL");
    await expect(processImage(await pngImage(150, 150), "logo")).resolves.toMatchObject({ width: 512, height: 512 });
  });
});

describe("processImage keeps", () => {
  it.each([
    ["JPEG", () => jpegImage(800, 600), 800, 600],
    ["PNG", () => pngImage(600, 600), 600, 600],
    ["WebP", () => webpImage(600, 400), 600, 400],
    ["AVIF", () => avifImage(400, 400), 400, 400],
  ] as const)("a %s, as WebP of the same size", async (_name, make, width, height) => {
    const result = await processImage(await make(), "product");
    expect(result).toMatchObject({ contentType: "image/webp", width, height });
    const meta = await sharp(result.body).metadata();
    expect(meta).toMatchObject({ format: "webp", width, height });
  });

  it("fits a large photo into 1600 px, applies the EXIF rotation and strips EXIF (GPS) entirely", async () => {
    // Orientation 6: stored landscape, shown rotated 90° clockwise (portrait).
    const photo = await jpegImage(3000, 2000, { orientation: 6, gps: true });
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const result = await processImage(photo, "product");
    expect(result).toMatchObject({ width: 1067, height: 1600 });
    const meta = await sharp(result.body).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1067, height: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(result.body.includes(Buffer.from("TestCam"))).toBe(false);
  });

  it("a picture with a hidden payload appended is re-encoded: the payload does not survive", async () => {
    const polyglot = Buffer.concat([await jpegImage(400, 400), Buffer.from("PK\u0003\u0004<script>alert('owned')</script>")]);
    const result = await processImage(polyglot, "product");
    expect(result.body.includes(Buffer.from("<script>"))).toBe(false);
    expect(result.body.subarray(0, 4).toString("latin1")).toBe("RIFF");
  });

  it("a logo becomes a 512 × 512 square with the whole picture inside", async () => {
    const result = await processImage(await pngImage(1000, 400), "logo");
    expect(result).toMatchObject({ width: 512, height: 512 });
    const meta = await sharp(result.body).metadata();
    expect(meta.hasAlpha).toBe(true);
  });
});
