// Pictures for upload tests, generated with sharp so no binary files live in the repository, and
// a throw-away file store to put them in.
import sharp from "sharp";

export { useTemporaryFileStore } from "./temporary-store.ts";

/** A plain photo-like image; `exif` adds an orientation tag and GPS position to strip. */
export async function jpegImage(width = 800, height = 600, options: { orientation?: number; gps?: boolean } = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 40 } } }).jpeg({ quality: 80 });
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: "TestCam", Model: "Leaky 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "55/1 45/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "37/1 37/1 0/1" },
    });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

export async function pngImage(width = 600, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();
}

export async function webpImage(width = 600, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a7" } }).webp().toBuffer();
}

export async function avifImage(width = 400, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#a37" } }).avif({ effort: 0 }).toBuffer();
}

export async function gifImage(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 300, channels: 3, background: "#777" } }).gif().toBuffer();
}

/** Two different frames: an animated WebP (identical frames would be merged into one). */
export async function animatedWebp(): Promise<Buffer> {
  const frame = (background: string) => sharp({ create: { width: 300, height: 300, channels: 3, background } }).png().toBuffer();
  return sharp([await frame("#159"), await frame("#f00")], { join: { animated: true } }).webp({ loop: 0, delay: [100, 100] }).toBuffer();
}

/** A PNG with an animation control chunk: an APNG, which decoders would show as its first frame. */
export async function animatedPng(): Promise<Buffer> {
  const png = await pngImage(300, 300);
  const data = Buffer.alloc(8);
  data.writeUInt32BE(2, 0); // frames
  data.writeUInt32BE(0, 4); // loops
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write("acTL", 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  // After the signature (8) and IHDR (25 bytes with length and CRC).
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(document.cookie)</script><rect width="400" height="400" fill="red"/></svg>`,
);

/** A tiny PDF: a real document, not a picture. */
export const PDF_FILE = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/** The start of a zip archive (local file header of an empty file). */
export const ZIP_FILE = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]), Buffer.alloc(40)]);

/**
 * A PNG header claiming 100 000 × 100 000 pixels (10 gigapixels) on a few kilobytes: decoding
 * it would need tens of gigabytes of memory.
 */
export async function pngBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#000" } }).png().toBuffer();
  const bomb = Buffer.from(png);
  // IHDR follows the 8-byte signature: length(4) "IHDR"(4) width(4) height(4) …; then its CRC.
  bomb.writeUInt32BE(100_000, 16);
  bomb.writeUInt32BE(100_000, 20);
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
  return bomb;
}

/** A real, fully decodable PNG of the given size that compresses to a small file. */
export async function hugeFlatPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#000" } }).png({ compressionLevel: 9, palette: true }).toBuffer();
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** What sharp reads from a picture: for tests in packages that do not depend on sharp. */
export async function readImageMetadata(body: Buffer) {
  return sharp(body).metadata();
}
