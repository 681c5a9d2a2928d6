// The upload pipeline: what a file is comes from its bytes (never its name or the browser's
// declared type), and what we keep is a freshly encoded WebP. Re-encoding drops everything but
// the pixels: EXIF (GPS position, camera serial), comments, and any payload a polyglot file
// hides after or inside the picture.
import sharp from "sharp";
import {
  DEFAULT_MAX_IMAGE_BYTES,
  ImageRejectedError,
  LOGO_SIDE,
  MAX_IMAGE_SIDE,
  MIN_IMAGE_SIDE,
  MIN_LOGO_SIDE,
  PRODUCT_IMAGE_MAX_SIDE,
  REJECT_MESSAGES,
} from "./image-rules.ts";

export type SniffedType = "jpeg" | "png" | "webp" | "avif";
export type ProcessedImage = { body: Buffer; contentType: "image/webp"; width: number; height: number };
export type ImageKind = "product" | "logo";

const startsWith = (body: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => body[offset + i] === byte);
const ascii = (body: Buffer, start: number, end: number) => body.subarray(start, end).toString("latin1");

/** ISO-BMFF brands (major and compatible) of an HEIF-family file; empty for anything else. */
function isoBrands(body: Buffer): string[] {
  if (body.length < 16 || ascii(body, 4, 8) !== "ftyp") return [];
  const boxSize = Math.min(body.readUInt32BE(0), body.length, 256);
  const brands = [ascii(body, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(body, at, at + 4));
  return brands;
}

/** The type the bytes say, or a rejection naming what they are instead. */
export function sniffImageType(body: Buffer): SniffedType {
  if (startsWith(body, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(body, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (ascii(body, 0, 4) === "RIFF" && ascii(body, 8, 12) === "WEBP") return "webp";
  const brands = isoBrands(body);
  if (brands.includes("avis")) throw new ImageRejectedError("ANIMATED_NOT_ALLOWED", REJECT_MESSAGES.animated);
  if (brands.includes("avif")) return "avif";
  if (brands.some((brand) => ["heic", "heix", "heim", "heis", "mif1", "msf1"].includes(brand))) {
    throw new ImageRejectedError("UNSUPPORTED_TYPE", REJECT_MESSAGES.heic);
  }
  if (ascii(body, 0, 4) === "GIF8") throw new ImageRejectedError("UNSUPPORTED_TYPE", REJECT_MESSAGES.gif);
  // SVG is XML text, possibly after a BOM, an XML declaration, comments or a doctype.
  const head = body.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "");
  if (/^\s*</.test(head) && /<svg[\s>/]/i.test(head)) throw new ImageRejectedError("SVG_NOT_ALLOWED", REJECT_MESSAGES.svg);
  throw new ImageRejectedError("UNSUPPORTED_TYPE", REJECT_MESSAGES.notImage);
}

/** An APNG announces its animation in an acTL chunk before the first image data. */
function isAnimatedPng(body: Buffer): boolean {
  for (let at = 8; at + 8 <= body.length; ) {
    const length = body.readUInt32BE(at);
    const type = ascii(body, at + 4, at + 8);
    if (type === "acTL") return true;
    if (type === "IDAT" || type === "IEND") return false;
    at += 12 + length;
  }
  return false;
}

// sharp names the decoder, which for AVIF is libheif.
const SHARP_FORMAT: Record<SniffedType, string> = { jpeg: "jpeg", png: "png", webp: "webp", avif: "heif" };

export async function processImage(body: Buffer, kind: ImageKind, options: { maxBytes?: number } = {}): Promise<ProcessedImage> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  if (body.length === 0) throw new ImageRejectedError("FILE_EMPTY", REJECT_MESSAGES.empty);
  if (body.length > maxBytes) throw new ImageRejectedError("FILE_TOO_LARGE", REJECT_MESSAGES.tooLarge(maxBytes));

  const type = sniffImageType(body);
  if (type === "png" && isAnimatedPng(body)) throw new ImageRejectedError("ANIMATED_NOT_ALLOWED", REJECT_MESSAGES.animated);

  // The pixel limit stops a small file that decodes into gigabytes before any pixel is decoded;
  // `failOn: "error"` turns truncated and damaged data into a rejection rather than grey pixels.
  const input = { limitInputPixels: MAX_IMAGE_SIDE * MAX_IMAGE_SIDE, failOn: "error" as const };
  let metadata: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // Reading the header decodes no pixels, so the size check below can name the real problem.
    metadata = await sharp(body, { ...input, limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError("IMAGE_CORRUPT", REJECT_MESSAGES.corrupt);
  }
  // The header must agree with the signature (a PNG signature on a JPEG body is not a PNG).
  if (metadata.format !== SHARP_FORMAT[type]) throw new ImageRejectedError("UNSUPPORTED_TYPE", REJECT_MESSAGES.notImage);
  if ((metadata.pages ?? 1) > 1) throw new ImageRejectedError("ANIMATED_NOT_ALLOWED", REJECT_MESSAGES.animated);

  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) throw new ImageRejectedError("IMAGE_TOO_LARGE", REJECT_MESSAGES.tooBig(MAX_IMAGE_SIDE));
  const minSide = kind === "logo" ? MIN_LOGO_SIDE : MIN_IMAGE_SIDE;
  if (width < minSide || height < minSide) throw new ImageRejectedError("IMAGE_TOO_SMALL", REJECT_MESSAGES.tooSmall(minSide));

  try {
    // autoOrient applies the EXIF rotation to the pixels, since the EXIF itself is dropped.
    const pipeline = sharp(body, input).autoOrient();
    const resized =
      kind === "logo"
        ? // A square with transparent margins shows the whole logo in any square or round frame.
          pipeline.resize({ width: LOGO_SIDE, height: LOGO_SIDE, fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
        : pipeline.resize({ width: PRODUCT_IMAGE_MAX_SIDE, height: PRODUCT_IMAGE_MAX_SIDE, fit: "inside", withoutEnlargement: true });
    const { data, info } = await resized.webp({ quality: 82, effort: 4 }).toBuffer({ resolveWithObject: true });
    return { body: data, contentType: "image/webp", width: info.width, height: info.height };
  } catch {
    throw new ImageRejectedError("IMAGE_CORRUPT", REJECT_MESSAGES.corrupt);
  }
}
