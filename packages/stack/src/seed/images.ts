// Product pictures for the demo catalogue, drawn as flat SVG illustrations so nothing is
// downloaded and nothing copyrighted ships with the repository. Each picture is a simple
// object silhouette tinted with the variant's colour on a soft gradient, 600×800 (3:4, the
// card ratio of the storefront).
//
// Safety: the output is served as a user-visible file, so it must never carry active content.
// Only static shapes are emitted (no <script>, <foreignObject>, event attributes, <image>,
// href or external url()); every colour is validated as #rrggbb before it is written, and the
// only references are url(#…) to gradients defined in the same document.

export type ImageShape =
  | "dress"
  | "blouse"
  | "shirt"
  | "tshirt"
  | "longsleeve"
  | "hoodie"
  | "trousers"
  | "skirt"
  | "jacket"
  | "coat"
  | "sneaker"
  | "boot"
  | "flat"
  | "teddy"
  | "blocks"
  | "backpack"
  | "pencilCase"
  | "notebook"
  | "lamp"
  | "pan"
  | "pot"
  | "mug"
  | "teapot"
  | "pillow"
  | "blanket"
  | "towel"
  | "vase"
  | "candle"
  | "planter"
  | "clock"
  | "phone"
  | "laptop"
  | "headphones"
  | "earbuds"
  | "watch"
  | "speaker"
  | "dropper"
  | "jar"
  | "tube"
  | "pumpBottle"
  | "lipstick"
  | "palette"
  | "perfume"
  | "dumbbell"
  | "kettlebell"
  | "yogaMat"
  | "tent"
  | "thermos";

export const IMAGE_WIDTH = 600;
export const IMAGE_HEIGHT = 800;

export interface ProductImageSpec {
  shape: ImageShape;
  /** "#rrggbb" of the product colour. */
  colorHex: string;
  /** 0 = front, 1 = turned, 2 = close-up. */
  view: 0 | 1 | 2;
  /** Small per-product variation of the drawing (0..2), so a category does not look cloned. */
  style: number;
}

// ---------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------

const HEX = /^#[0-9a-f]{6}$/i;

function assertHex(hex: string): string {
  if (!HEX.test(hex)) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  return hex.toLowerCase();
}

function rgb(hex: string): [number, number, number] {
  const h = assertHex(hex);
  return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
}

function toHex([r, g, b]: [number, number, number]): string {
  return "#" + [r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0")).join("");
}

/** `t` of the way from a to b. */
export function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

const WHITE = "#ffffff";
const BLACK = "#000000";

interface Paint {
  base: string;
  /** Folds and side faces. */
  shade: string;
  /** Openings, insides. */
  deep: string;
  light: string;
  /** Seams, buttons, stitching: always visible against the base. */
  line: string;
  /** A neutral that contrasts with the base (soles, laces, labels). */
  contrast: string;
  metal: string;
  metalDark: string;
  dark: string;
  leaf: string;
  leafDark: string;
}

function paintFor(hex: string): Paint {
  const base = assertHex(hex);
  const lum = luminance(base);
  const isDark = lum < 0.06;
  const isLight = lum > 0.7;
  return {
    base,
    shade: isDark ? mix(base, WHITE, 0.14) : mix(base, BLACK, isLight ? 0.1 : 0.18),
    deep: isDark ? mix(base, BLACK, 0.5) : mix(base, BLACK, isLight ? 0.32 : 0.45),
    light: isDark ? mix(base, WHITE, 0.28) : mix(base, WHITE, isLight ? 0.5 : 0.35),
    line: lum < 0.25 ? mix(base, WHITE, 0.4) : mix(base, BLACK, 0.38),
    contrast: isLight ? "#3a3c44" : "#f6f3ec",
    metal: "#cfd4dc",
    metalDark: "#9aa1ac",
    dark: "#24262d",
    leaf: "#5b9a62",
    leafDark: "#3f7549",
  };
}

// ---------------------------------------------------------------------------
// Shapes. Coordinates are in the 600×800 canvas; the object sits around the centre and
// `floor` is the contact shadow [cx, cy, rx]. `focus` is where the close-up view zooms in.
// ---------------------------------------------------------------------------

interface ShapeDef {
  floor: [number, number, number];
  focus: [number, number];
  /** Enlarges a low, wide object (a shoe) around [cx, cy] so it fills the tall card. */
  zoom?: { scale: number; centre: [number, number] };
  draw: (p: Paint, style: number, id: (name: string) => string) => string;
}

const mirrorX = (d: string) =>
  // Mirror a path written with absolute commands and "x y" pairs around x = 300.
  d.replace(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${600 - Number(x)} ${y}`);

const path = (d: string, fill: string, extra = "") => `<path d="${d}" fill="${fill}"${extra ? " " + extra : ""}/>`;
const stroke = (d: string, colour: string, width: number, extra = "") =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra ? " " + extra : ""}/>`;
const circle = (cx: number, cy: number, r: number, fill: string, extra = "") => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"${extra ? " " + extra : ""}/>`;
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = "") =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"${extra ? " " + extra : ""}/>`;
const rect = (x: number, y: number, w: number, h: number, r: number, fill: string, extra = "") =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}"${extra ? " " + extra : ""}/>`;
const both = (d: string, fill: string, extra = "") => path(d, fill, extra) + path(mirrorX(d), fill, extra);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function sleeveLong(p: Paint): string {
  const sleeve = "M186 224 Q160 232 150 256 L108 512 L160 526 L206 330 Z";
  const cuff = "M108 512 L160 526 L154 552 L102 538 Z";
  return both(sleeve, p.base) + both(sleeve, p.shade, 'opacity="0.35"') + both(cuff, p.shade);
}

const SHAPES: Record<ImageShape, ShapeDef> = {
  dress: {
    floor: [300, 668, 170],
    focus: [300, 320],
    draw: (p, style, id) =>
      `<defs><clipPath id="${id("clip")}"><path d="M230 366 Q300 382 370 366 Q420 500 462 640 Q300 684 138 640 Q180 500 230 366 Z"/></clipPath></defs>` +
      stroke("M262 168 L272 244", p.shade, 9) +
      stroke("M338 168 L328 244", p.shade, 9) +
      path("M244 238 Q300 276 356 238 L368 344 Q300 360 232 344 Z", p.base) +
      path("M232 344 Q300 360 368 344 L370 366 Q300 382 230 366 Z", style === 1 ? p.contrast : p.shade) +
      path("M230 366 Q300 382 370 366 Q420 500 462 640 Q300 684 138 640 Q180 500 230 366 Z", p.base) +
      `<g clip-path="url(#${id("clip")})">` +
      path("M282 378 Q262 520 228 680 L256 684 Q276 520 292 379 Z", p.shade, 'opacity="0.7"') +
      path("M318 378 Q338 520 372 680 L344 684 Q324 520 308 379 Z", p.shade, 'opacity="0.7"') +
      path("M248 374 Q214 500 166 666 L184 672 Q226 510 256 376 Z", p.shade, 'opacity="0.45"') +
      path("M352 374 Q386 500 434 666 L416 672 Q374 510 344 376 Z", p.shade, 'opacity="0.45"') +
      `</g>` +
      stroke("M260 252 Q266 296 256 334", p.light, 6, 'opacity="0.7"') +
      (style === 2 ? range(3).map((i) => circle(300, 262 + i * 26, 5, p.line)).join("") : ""),
  },
  blouse: {
    floor: [300, 650, 150],
    focus: [300, 260],
    draw: (p, style) => {
      const sleeve = "M186 226 Q130 270 126 360 Q124 430 150 478 L198 474 Q194 390 212 310 Z";
      return (
        both(sleeve, p.base) +
        both(sleeve, p.shade, 'opacity="0.3"') +
        both("M150 478 L198 474 L200 500 L152 504 Z", p.shade) +
        path("M244 198 L186 226 Q176 234 178 248 L192 632 Q300 650 408 632 L422 248 Q424 234 414 226 L356 198 Q300 262 244 198 Z", p.base) +
        stroke("M244 198 Q300 262 356 198", p.shade, 7) +
        (style === 0
          ? path("M300 238 Q262 214 250 232 Q246 256 298 248 Z", p.shade) +
            path("M300 238 Q338 214 350 232 Q354 256 302 248 Z", p.shade) +
            path("M294 244 L278 320 L290 322 L300 250 Z", p.shade) +
            path("M306 244 L322 320 L310 322 L300 250 Z", p.shade) +
            circle(300, 242, 9, p.line)
          : range(5).map((i) => circle(300, 262 + i * 58, 5, p.line)).join("")) +
        range(4).map((i) => stroke(`M${262 + i * 25} 250 Q${258 + i * 27} 290 ${256 + i * 29} 330`, p.shade, 3, 'opacity="0.6"')).join("") +
        stroke("M196 600 Q300 616 404 600", p.shade, 4, 'opacity="0.6"')
      );
    },
  },
  shirt: {
    floor: [300, 650, 150],
    focus: [300, 250],
    draw: (p, style) => {
      const sleeve = "M180 230 Q150 300 126 482 L176 494 Q196 380 214 300 Z";
      const cuff = "M126 482 L176 494 L170 524 L120 512 Z";
      const checks =
        style === 1
          ? range(7).map((i) => stroke(`M${196 + i * 35} 230 L${194 + i * 36} 636`, p.line, 6, 'opacity="0.22"')).join("") +
            range(7).map((i) => stroke(`M188 ${270 + i * 55} L412 ${270 + i * 55}`, p.line, 6, 'opacity="0.22"')).join("")
          : "";
      return (
        both(sleeve, p.base) +
        both(sleeve, p.shade, 'opacity="0.3"') +
        both(cuff, p.shade) +
        path("M236 196 L178 224 Q168 232 170 244 L186 640 Q300 654 414 640 L430 244 Q432 232 422 224 L364 196 Q300 226 236 196 Z", p.base) +
        checks +
        path("M236 190 Q300 212 364 190 L364 204 Q300 224 236 204 Z", p.shade) +
        both("M236 194 L300 238 L284 268 L220 222 Z", p.base) +
        both("M236 194 L300 238 L284 268 L220 222 Z", p.shade, 'opacity="0.4"') +
        rect(294, 240, 12, 398, 0, p.shade, 'opacity="0.6"') +
        range(6).map((i) => circle(300, 276 + i * 60, 5, p.line)).join("") +
        (style === 2 ? "" : stroke("M326 300 L370 300 L370 346 L348 354 L326 346 Z", p.shade, 3))
      );
    },
  },
  tshirt: {
    floor: [300, 652, 150],
    focus: [300, 260],
    draw: (p, style) =>
      path("M262 197 Q300 212 338 197 Q300 230 262 197 Z", p.deep) +
      path("M258 196 Q300 236 342 196 L420 222 Q440 230 450 250 L488 330 L428 360 L404 306 L410 640 Q300 652 190 640 L196 306 L172 360 L112 330 L150 250 Q160 230 180 222 Z", p.base) +
      stroke("M258 196 Q300 236 342 196", p.shade, 10) +
      stroke("M114 332 L172 358", p.shade, 6) +
      stroke("M486 332 L428 358", p.shade, 6) +
      stroke("M196 620 Q300 632 404 620", p.shade, 4, 'opacity="0.7"') +
      path("M404 306 L410 640 Q390 642 372 643 Q392 480 404 306 Z", p.shade, 'opacity="0.5"') +
      (style === 1
        ? range(6).map((i) => rect(192, 300 + i * 56, 216, 20, 0, p.contrast, 'opacity="0.55"')).join("")
        : style === 2
          ? circle(300, 380, 62, p.contrast, 'opacity="0.5"') + circle(300, 380, 38, p.base)
          : ""),
  },
  longsleeve: {
    floor: [300, 652, 160],
    focus: [300, 260],
    draw: (p, style) =>
      sleeveLong(p) +
      path("M262 197 Q300 212 338 197 Q300 230 262 197 Z", p.deep) +
      path("M258 196 Q300 236 342 196 L414 222 Q440 232 446 256 L410 330 L410 640 Q300 652 190 640 L190 330 L154 256 Q160 232 186 222 Z", p.base) +
      stroke("M258 196 Q300 236 342 196", p.shade, 10) +
      stroke("M196 620 Q300 632 404 620", p.shade, 4, 'opacity="0.7"') +
      (style === 1 ? range(5).map((i) => rect(190, 320 + i * 64, 220, 22, 0, p.contrast, 'opacity="0.5"')).join("") : ""),
  },
  hoodie: {
    floor: [300, 654, 160],
    focus: [300, 300],
    draw: (p, style) =>
      path("M226 222 Q222 128 300 122 Q378 128 374 222 Z", p.shade) +
      path("M252 214 Q256 160 300 156 Q344 160 348 214 Z", p.deep) +
      sleeveLong(p) +
      path("M250 200 Q300 246 350 200 L414 222 Q440 232 446 256 L410 330 L410 604 L190 604 L190 330 L154 256 Q160 232 186 222 Z", p.base) +
      path("M244 198 Q300 268 356 198 Q336 222 300 228 Q264 222 244 198 Z", p.shade) +
      rect(190, 596, 220, 44, 12, p.shade) +
      path("M222 462 L378 462 L398 566 L202 566 Z", p.shade, 'opacity="0.55"') +
      stroke("M222 462 L202 566", p.line, 3, 'opacity="0.5"') +
      stroke("M378 462 L398 566", p.line, 3, 'opacity="0.5"') +
      stroke("M284 236 L280 322", style === 2 ? p.line : p.contrast, 5) +
      stroke("M316 236 L320 322", style === 2 ? p.line : p.contrast, 5) +
      circle(280, 326, 6, p.contrast) +
      circle(320, 326, 6, p.contrast),
  },
  trousers: {
    floor: [300, 664, 150],
    focus: [300, 280],
    draw: (p, style) =>
      path("M210 214 L390 214 L412 650 L318 650 L300 336 L282 650 L188 650 Z", p.base) +
      path("M300 336 L318 650 L304 650 Z", p.deep, 'opacity="0.5"') +
      rect(206, 180, 188, 38, 6, p.shade) +
      range(5).map((i) => rect(224 + i * 36, 174, 10, 46, 3, p.shade)).join("") +
      circle(300, 199, 7, p.metalDark) +
      stroke("M300 218 L300 300 Q300 318 284 322", p.line, 3, style === 0 ? 'stroke-dasharray="6 5"' : 'opacity="0.5"') +
      stroke("M224 222 Q232 262 210 270", p.line, 3, 'opacity="0.7"') +
      stroke("M376 222 Q368 262 390 270", p.line, 3, 'opacity="0.7"') +
      stroke("M250 352 L236 640", p.light, 4, 'opacity="0.45"') +
      stroke("M350 352 L364 640", p.light, 4, 'opacity="0.45"') +
      (style === 2 ? rect(200, 420, 40, 70, 6, p.shade) + rect(360, 420, 40, 70, 6, p.shade) : "") +
      stroke("M190 632 L282 632", p.shade, 5) +
      stroke("M318 632 L410 632", p.shade, 5),
  },
  skirt: {
    floor: [300, 640, 170],
    focus: [300, 300],
    draw: (p, style) =>
      path("M218 262 L382 262 L452 598 Q300 632 148 598 Z", p.base) +
      range(7)
        .map((i) => {
          const top = 232 + i * 22.6;
          const bottom = 170 + i * 43.3;
          return stroke(`M${top} 270 L${bottom} ${606 + Math.sin(i) * 6}`, p.shade, style === 1 ? 6 : 3, 'opacity="0.7"');
        })
        .join("") +
      rect(212, 232, 176, 38, 8, p.shade) +
      (style === 2 ? rect(286, 236, 28, 30, 4, p.metal) : circle(366, 251, 6, p.line)),
  },
  jacket: {
    floor: [300, 640, 165],
    focus: [300, 250],
    draw: (p, style) =>
      sleeveLong(p) +
      path("M250 196 L186 222 Q160 232 154 256 L190 330 L190 600 L410 600 L410 330 L446 256 Q440 232 414 222 L350 196 Q300 214 250 196 Z", p.base) +
      (style === 0
        ? range(5).map((i) => stroke(`M192 ${270 + i * 66} Q300 ${284 + i * 66} 408 ${270 + i * 66}`, p.shade, 4, 'opacity="0.8"')).join("")
        : stroke("M218 470 L248 420", p.shade, 7) + stroke("M382 470 L352 420", p.shade, 7)) +
      rect(188, 592, 224, 36, 10, p.shade) +
      path("M250 196 Q300 214 350 196 L354 164 Q300 182 246 164 Z", p.shade) +
      stroke("M300 180 L300 626", p.line, 4) +
      rect(294, 252, 12, 24, 3, p.metal) +
      (style === 2 ? path("M196 300 L260 300 L260 340 L196 340 Z", p.shade, 'opacity="0.6"') : ""),
  },
  coat: {
    floor: [300, 694, 165],
    focus: [300, 300],
    draw: (p) =>
      sleeveLong(p) +
      path("M256 196 L186 222 Q160 232 154 256 L190 330 L184 676 Q300 690 416 676 L410 330 L446 256 Q440 232 414 222 L344 196 Z", p.base) +
      path("M262 198 Q300 214 338 198 L300 322 Z", p.deep) +
      both("M256 196 L300 324 L284 332 L226 234 Z", p.shade) +
      rect(186, 428, 228, 26, 4, p.shade) +
      rect(282, 424, 36, 34, 5, "none", `stroke="${p.line}" stroke-width="4"`) +
      [372, 498, 560].map((y) => circle(274, y, 7, p.line) + circle(326, y, 7, p.line)).join("") +
      stroke("M300 458 L300 680", p.shade, 3) +
      stroke("M206 520 L252 520", p.shade, 6) +
      stroke("M348 520 L394 520", p.shade, 6),
  },
  sneaker: {
    floor: [302, 574, 210],
    focus: [300, 420],
    zoom: { scale: 1.12, centre: [300, 450] },
    draw: (p, style) => {
      const sole = luminance(p.base) > 0.7 ? "#c98f5a" : "#f6f3ec";
      return (
        path("M96 504 L506 504 L508 530 Q506 564 470 566 L130 566 Q92 560 96 504 Z", sole) +
        stroke("M104 552 L496 552", mix(sole, BLACK, 0.2), 4, 'stroke-dasharray="14 8"') +
        path("M104 506 Q96 470 130 452 Q190 430 250 414 L318 352 Q336 334 362 332 L452 322 Q486 322 490 360 L500 506 Z", p.base) +
        path("M452 324 Q486 322 490 360 L500 506 L442 506 Q452 420 452 324 Z", p.shade) +
        path("M104 506 Q96 470 130 452 Q160 442 184 438 Q176 480 192 506 Z", p.light, 'opacity="0.6"') +
        path("M318 352 Q330 318 352 312 L374 334 Z", p.shade) +
        path("M370 334 Q420 310 458 326 Q444 350 402 352 Q382 350 370 334 Z", p.deep) +
        (style === 1
          ? path("M196 492 Q300 480 420 404 Q432 424 430 444 Q320 498 206 504 Z", p.contrast, 'opacity="0.8"')
          : range(3).map((i) => stroke(`M${220 + i * 34} 494 L${290 + i * 34} 420`, p.contrast, 10, 'opacity="0.75"')).join("")) +
        [
          [262, 412, 286, 432],
          [284, 390, 308, 410],
          [306, 368, 330, 388],
          [328, 348, 352, 366],
        ]
          .map(([x1, y1, x2, y2]) => stroke(`M${x1} ${y1} L${x2} ${y2}`, p.contrast, 7))
          .join("") +
        rect(472, 326, 22, 46, 6, p.shade) +
        stroke("M104 504 L500 504", mix(sole, BLACK, 0.12), 3)
      );
    },
  },
  boot: {
    floor: [300, 612, 210],
    focus: [390, 320],
    draw: (p, style) =>
      path("M402 582 L494 582 L492 612 L404 612 Z", p.dark) +
      path("M100 560 L500 560 L498 584 L112 588 Q94 578 100 560 Z", p.dark) +
      path("M108 562 Q96 520 140 505 Q220 480 300 460 L326 250 L470 250 L476 400 Q492 470 496 562 Z", p.base) +
      path("M108 562 Q96 520 140 505 Q166 498 190 494 Q182 530 196 562 Z", p.light, 'opacity="0.5"') +
      path("M326 250 Q400 238 470 250 L470 266 Q400 254 326 266 Z", p.deep) +
      (style === 0
        ? path("M360 302 Q400 292 440 302 L446 448 Q400 472 356 446 Z", p.shade) + stroke("M372 320 L370 440 M400 314 L400 454 M428 320 L432 440", p.deep, 2, 'opacity="0.4"')
        : style === 1
          ? range(5).map((i) => stroke(`M${318 - i * 8} ${286 + i * 38} L${378 - i * 4} ${282 + i * 38}`, p.contrast, 7)).join("") +
            stroke("M310 300 L300 460", p.shade, 10)
          : stroke("M462 262 L474 540", p.metalDark, 5) + rect(456, 270, 16, 26, 3, p.metal)) +
      rect(466, 218, 20, 54, 6, p.shade) +
      stroke("M120 548 L494 548", p.deep, 3, 'stroke-dasharray="8 6" opacity="0.6"'),
  },
  flat: {
    floor: [300, 576, 210],
    focus: [300, 470],
    zoom: { scale: 1.25, centre: [300, 500] },
    draw: (p, style) =>
      path("M96 530 L504 530 L504 546 Q502 566 480 568 L128 568 Q94 566 96 530 Z", luminance(p.base) > 0.5 ? "#8a5a3b" : "#d9c3a5") +
      path("M104 532 Q94 496 140 480 Q230 455 320 440 Q350 420 400 418 L468 420 Q500 426 500 470 L502 532 Z", p.base) +
      path("M300 448 Q380 420 470 428 Q482 450 470 468 Q380 472 300 448 Z", p.deep) +
      path("M104 532 Q94 496 140 480 Q170 472 190 468 Q182 500 194 532 Z", p.light, 'opacity="0.45"') +
      (style === 0
        ? path("M238 470 Q270 450 300 446 Q292 476 250 494 Z", p.shade) + circle(268, 468, 9, p.contrast)
        : style === 1
          ? ellipse(262, 470, 22, 12, p.shade) + ellipse(298, 462, 22, 12, p.shade) + circle(280, 466, 9, p.line)
          : stroke("M236 486 Q268 448 310 444", p.line, 5) + stroke("M236 486 Q268 448 310 444", p.contrast, 2, 'stroke-dasharray="5 5"')) +
      stroke("M110 520 L500 520", p.shade, 3),
  },
  teddy: {
    floor: [300, 628, 150],
    focus: [300, 300],
    draw: (p) =>
      ellipse(236, 580, 52, 40, p.base) +
      ellipse(364, 580, 52, 40, p.base) +
      ellipse(236, 588, 30, 24, p.light) +
      ellipse(364, 588, 30, 24, p.light) +
      ellipse(196, 452, 36, 72, p.base, 'transform="rotate(28 196 452)"') +
      ellipse(404, 452, 36, 72, p.base, 'transform="rotate(-28 404 452)"') +
      ellipse(300, 476, 110, 118, p.base) +
      ellipse(300, 496, 64, 74, p.light) +
      circle(220, 226, 40, p.base) +
      circle(380, 226, 40, p.base) +
      circle(220, 226, 22, p.light) +
      circle(380, 226, 22, p.light) +
      circle(300, 300, 96, p.base) +
      ellipse(300, 336, 46, 36, p.light) +
      ellipse(300, 322, 15, 11, p.dark) +
      stroke("M300 334 L300 346 M286 352 Q300 362 314 352", p.dark, 4) +
      circle(264, 288, 10, p.dark) +
      circle(336, 288, 10, p.dark) +
      circle(267, 284, 3, WHITE) +
      circle(339, 284, 3, WHITE) +
      path("M232 384 Q300 410 368 384 L362 404 Q300 430 238 404 Z", p.contrast) +
      path("M300 404 L282 448 L300 440 L318 448 Z", p.contrast),
  },
  blocks: {
    floor: [300, 628, 200],
    focus: [300, 380],
    draw: (p, style) => {
      const cube = (cx: number, cy: number, s: number, colour: string) => {
        const top = mix(colour, WHITE, 0.3);
        const right = mix(colour, BLACK, 0.2);
        const h = s * 0.5;
        return (
          path(`M${cx} ${cy - h} L${cx + s} ${cy} L${cx} ${cy + h} L${cx - s} ${cy} Z`, top) +
          path(`M${cx - s} ${cy} L${cx} ${cy + h} L${cx} ${cy + h + s * 1.15} L${cx - s} ${cy + s * 1.15} Z`, colour) +
          path(`M${cx + s} ${cy} L${cx} ${cy + h} L${cx} ${cy + h + s * 1.15} L${cx + s} ${cy + s * 1.15} Z`, right) +
          circle(cx - s / 2, cy + h / 2 + s * 0.55, s * 0.24, WHITE, 'opacity="0.55"') +
          ellipse(cx, cy, s * 0.3, s * 0.15, WHITE, 'opacity="0.45"')
        );
      };
      const others = style === 0 ? ["#f2cf4a", "#7fb4e0"] : style === 1 ? ["#9fdcc4", "#ef7e68"] : ["#ac9bd6", "#f2cf4a"];
      return cube(206, 470, 86, others[0] ?? p.light) + cube(394, 470, 86, others[1] ?? p.shade) + cube(300, 520, 86, p.base) + cube(300, 330, 86, p.base);
    },
  },
  backpack: {
    floor: [300, 620, 150],
    focus: [300, 320],
    draw: (p, style) =>
      stroke("M262 208 Q300 150 338 208", p.shade, 14) +
      rect(166, 300, 30, 240, 12, p.shade) +
      rect(404, 300, 30, 240, 12, p.shade) +
      path("M190 300 Q190 196 300 196 Q410 196 410 300 L410 572 Q410 612 370 612 L230 612 Q190 612 190 572 Z", p.base) +
      stroke("M210 312 Q300 226 390 312", p.deep, 5) +
      rect(374, 298, 12, 34, 4, p.metal) +
      path("M222 420 L378 420 Q396 420 396 438 L396 558 Q396 588 368 588 L232 588 Q204 588 204 558 L204 438 Q204 420 222 420 Z", p.shade) +
      stroke("M214 446 L386 446", p.deep, 4) +
      rect(300, 440, 10, 26, 3, p.metal) +
      (style === 1 ? rect(226, 500, 148, 14, 6, "#eef2f6", 'opacity="0.9"') : circle(300, 516, 26, p.light, 'opacity="0.6"')) +
      stroke("M214 246 Q204 280 204 320", p.light, 6, 'opacity="0.5"'),
  },
  pencilCase: {
    floor: [300, 548, 200],
    focus: [320, 440],
    zoom: { scale: 1.1, centre: [300, 440] },
    draw: (p, style) =>
      path("M412 360 L448 300 L460 306 L428 372 Z", "#f2cf4a") +
      path("M448 300 L460 306 L464 290 Z", "#3a3c44") +
      path("M380 370 L396 290 L410 292 L398 374 Z", "#ef7e68") +
      path("M396 290 L410 292 L404 274 Z", "#3a3c44") +
      rect(110, 366, 380, 160, 70, p.base) +
      path("M110 436 Q110 366 180 366 L420 366 Q490 366 490 436 Z", p.light, 'opacity="0.25"') +
      stroke("M136 404 L466 404", p.deep, 5, style === 1 ? 'stroke-dasharray="10 6"' : "") +
      rect(444, 398, 16, 40, 5, p.metal) +
      circle(452, 444, 8, "none", `stroke="${p.metal}" stroke-width="4"`) +
      (style === 2 ? range(5).map((i) => circle(170 + i * 60, 470, 12, p.contrast, 'opacity="0.6"')).join("") : rect(150, 452, 90, 40, 8, p.contrast, 'opacity="0.7"')),
  },
  notebook: {
    floor: [300, 600, 160],
    focus: [300, 260],
    draw: (p, style) =>
      rect(184, 204, 264, 386, 12, "#ecebe6") +
      rect(170, 196, 264, 386, 14, p.base) +
      rect(170, 196, 30, 386, 0, p.shade, 'opacity="0.5"') +
      range(11).map((i) => ellipse(196 + i * 22, 196, 6, 14, "none", `stroke="${p.metalDark}" stroke-width="4"`)).join("") +
      rect(224, 300, 170, 80, 10, p.contrast, 'opacity="0.85"') +
      stroke("M246 328 L372 328 M246 352 L340 352", p.line, 5, 'opacity="0.6"') +
      (style === 1 ? rect(398, 196, 16, 386, 0, p.deep) : "") +
      (style === 2 ? circle(300, 480, 44, p.light, 'opacity="0.6"') + circle(330, 470, 28, p.contrast, 'opacity="0.5"') : ""),
  },
  lamp: {
    floor: [300, 628, 130],
    focus: [300, 300],
    draw: (p, style, id) => {
      const shade =
        style === 0
          ? path("M224 200 L376 200 L430 390 L170 390 Z", p.base) + path("M376 200 L430 390 L380 390 Z", p.shade, 'opacity="0.6"') + ellipse(300, 200, 76, 10, p.light)
          : style === 1
            ? path("M150 390 Q150 220 300 214 Q450 220 450 390 Z", p.base) + path("M380 236 Q450 270 450 390 L404 390 Q404 300 380 236 Z", p.shade, 'opacity="0.6"') + circle(300, 206, 12, p.metalDark)
            : rect(196, 210, 208, 180, 16, p.base) + rect(350, 210, 54, 180, 0, p.shade, 'opacity="0.5"') + range(4).map((i) => stroke(`M196 ${246 + i * 36} L404 ${246 + i * 36}`, p.shade, 2, 'opacity="0.6"')).join("");
      return (
        circle(300, 330, 220, `url(#${id("glow")})`) +
        rect(293, 388, 14, 222, 6, p.metalDark) +
        ellipse(300, 614, 96, 20, p.metalDark) +
        ellipse(300, 606, 96, 20, p.metal) +
        ellipse(300, 392, 128, 12, "#fff2bf") +
        shade
      );
    },
  },
  pan: {
    floor: [280, 574, 200],
    focus: [260, 470],
    draw: (p) =>
      path("M420 466 L560 420 Q578 416 582 432 Q584 448 568 452 L428 496 Z", p.dark) +
      circle(558, 434, 6, p.metalDark) +
      ellipse(250, 500, 168, 64, p.shade) +
      ellipse(250, 472, 172, 70, p.base) +
      ellipse(250, 474, 154, 58, "#3a3d44") +
      ellipse(250, 480, 120, 40, "#444851") +
      stroke("M160 452 Q200 430 260 428", WHITE, 5, 'opacity="0.35"') +
      circle(412, 470, 5, p.metal),
  },
  pot: {
    floor: [300, 600, 180],
    focus: [300, 380],
    draw: (p) =>
      stroke("M168 404 Q126 404 126 430 Q126 452 168 452", p.dark, 14) +
      stroke("M432 404 Q474 404 474 430 Q474 452 432 452", p.dark, 14) +
      path("M168 372 L168 556 Q168 592 206 592 L394 592 Q432 592 432 556 L432 372 Z", p.base) +
      path("M390 372 L432 372 L432 556 Q432 592 394 592 L380 592 Q400 480 390 372 Z", p.shade, 'opacity="0.55"') +
      rect(190, 380, 20, 190, 10, WHITE, 'opacity="0.25"') +
      ellipse(300, 372, 134, 22, p.shade) +
      path("M162 366 Q300 272 438 366 Z", p.base) +
      ellipse(300, 366, 138, 16, p.light) +
      path("M380 310 Q430 330 438 366 L400 366 Q400 336 380 310 Z", p.shade, 'opacity="0.4"') +
      ellipse(300, 300, 34, 14, p.dark) +
      rect(288, 290, 24, 14, 4, p.dark),
  },
  mug: {
    floor: [300, 604, 200],
    focus: [330, 400],
    draw: (p) => {
      const second = mix(p.base, WHITE, 0.55);
      return (
        stroke("M210 420 Q160 420 160 460 Q160 500 208 500", mix(second, BLACK, 0.1), 16) +
        rect(196, 380, 130, 170, 16, second) +
        ellipse(261, 380, 65, 12, mix(second, BLACK, 0.15)) +
        stroke("M400 402 Q462 402 462 462 Q462 522 400 522", p.base, 24) +
        stroke("M400 402 Q462 402 462 462 Q462 522 400 522", p.shade, 8, 'opacity="0.5"') +
        rect(236, 350, 176, 240, 20, p.base) +
        rect(372, 360, 40, 230, 0, p.shade, 'opacity="0.45"') +
        rect(252, 370, 16, 200, 8, WHITE, 'opacity="0.22"') +
        ellipse(324, 352, 88, 16, p.shade) +
        ellipse(324, 354, 76, 11, "#6b4226") +
        stroke("M296 320 Q282 296 298 276 Q312 256 300 230", WHITE, 8, 'opacity="0.7"') +
        stroke("M344 314 Q330 290 346 270 Q360 250 348 224", WHITE, 8, 'opacity="0.55"')
      );
    },
  },
  teapot: {
    floor: [300, 596, 190],
    focus: [300, 380],
    draw: (p) =>
      stroke("M420 410 Q500 416 494 482 Q488 540 416 534", p.shade, 22) +
      path("M190 470 Q140 450 112 378 L134 368 Q164 418 214 430 Z", p.base) +
      ellipse(300, 478, 142, 112, p.base) +
      path("M380 400 Q442 440 442 478 Q442 560 360 586 Q410 520 380 400 Z", p.shade, 'opacity="0.5"') +
      stroke("M166 470 Q300 504 434 470", p.light, 8, 'opacity="0.8"') +
      ellipse(300, 374, 74, 18, p.shade) +
      path("M236 374 Q300 316 364 374 Z", p.base) +
      circle(300, 334, 15, p.deep) +
      stroke("M222 404 Q240 380 262 376", WHITE, 7, 'opacity="0.45"'),
  },
  pillow: {
    floor: [300, 604, 180],
    focus: [300, 410],
    draw: (p, style, id) => {
      const outline = "M150 250 Q300 222 450 250 Q482 410 450 570 Q300 598 150 570 Q118 410 150 250 Z";
      const pattern =
        style === 0
          ? range(9).map((i) => stroke(`M${110 + i * 50} 240 L${10 + i * 50} 600`, p.light, 14, 'opacity="0.6"')).join("")
          : style === 1
            ? circle(300, 410, 96, p.light, 'opacity="0.65"') + circle(300, 410, 50, p.shade, 'opacity="0.8"')
            : range(7).map((i) => stroke(`M${165 + i * 45} 240 Q${180 + i * 45} 410 ${165 + i * 45} 590`, p.shade, 8, 'opacity="0.55"')).join("");
      return (
        `<defs><clipPath id="${id("clip")}"><path d="${outline}"/></clipPath></defs>` +
        path(outline, p.base) +
        `<g clip-path="url(#${id("clip")})">${pattern}${path("M340 232 Q470 240 470 420 Q476 560 420 600 L520 600 L520 232 Z", p.shade, 'opacity="0.45"')}</g>` +
        stroke("M168 268 Q300 244 432 268 Q460 410 432 552 Q300 576 168 552 Q140 410 168 268 Z", p.deep, 2, 'stroke-dasharray="7 7" opacity="0.6"') +
        [
          [150, 250],
          [450, 250],
          [150, 570],
          [450, 570],
        ]
          .map(([x, y]) => circle(x ?? 0, y ?? 0, 10, p.shade))
          .join("")
      );
    },
  },
  blanket: {
    floor: [300, 600, 200],
    focus: [300, 380],
    draw: (p, style) => {
      const layer = (y: number, fill: string) =>
        path(`M150 ${y} L440 ${y} Q470 ${y} 470 ${y + 30} L470 ${y + 60} Q470 ${y + 90} 440 ${y + 90} L150 ${y + 90} Q120 ${y + 90} 120 ${y + 45} Q120 ${y} 150 ${y} Z`, fill) +
        path(`M150 ${y} Q120 ${y} 120 ${y + 45} Q120 ${y + 90} 150 ${y + 90} Q170 ${y + 45} 150 ${y} Z`, mix(fill, BLACK, 0.15)) +
        (style === 0
          ? range(5).map((i) => rect(200 + i * 56, y, 16, 90, 0, WHITE, 'opacity="0.25"')).join("")
          : style === 1
            ? rect(150, y + 36, 320, 16, 0, WHITE, 'opacity="0.3"')
            : range(12).map((i) => circle(190 + i * 24, y + 45, 4, WHITE, 'opacity="0.35"')).join(""));
      return layer(490, p.shade) + layer(396, p.base) + layer(302, mix(p.base, WHITE, 0.12)) + path("M440 302 Q470 302 470 332 L470 362 Q470 392 440 392 Z", p.shade, 'opacity="0.35"');
    },
  },
  towel: {
    floor: [300, 600, 190],
    focus: [300, 330],
    draw: (p) => {
      const band = (y: number) => rect(150, y + 58, 300, 14, 0, p.light, 'opacity="0.8"') + rect(150, y + 76, 300, 4, 0, p.light, 'opacity="0.8"');
      const layer = (y: number, fill: string) =>
        path(`M150 ${y} L450 ${y} Q470 ${y} 470 ${y + 20} L470 ${y + 92} Q470 ${y + 112} 450 ${y + 112} L150 ${y + 112} Q130 ${y + 112} 130 ${y + 92} L130 ${y + 20} Q130 ${y} 150 ${y} Z`, fill) + band(y);
      return (
        layer(476, p.shade) +
        layer(356, p.base) +
        circle(300, 292, 68, p.base) +
        circle(300, 292, 46, p.shade) +
        circle(300, 292, 26, p.base) +
        circle(300, 292, 10, p.shade) +
        path("M300 224 L420 224 Q432 260 420 296 L368 296 Q366 250 300 224 Z", p.base)
      );
    },
  },
  vase: {
    floor: [300, 612, 130],
    focus: [300, 300],
    draw: (p, style) => {
      const stems =
        style === 1
          ? stroke("M296 240 Q270 160 230 110", p.leafDark, 5) +
            stroke("M304 240 Q330 150 380 96", p.leafDark, 5) +
            stroke("M300 240 L302 120", p.leafDark, 5) +
            [
              [230, 110],
              [380, 96],
              [302, 120],
            ]
              .map(([x, y]) => circle(x ?? 0, y ?? 0, 22, "#f2cf4a") + circle(x ?? 0, y ?? 0, 9, "#c0633f"))
              .join("")
          : stroke("M292 240 Q260 170 210 120", "#b9a07a", 4) +
            stroke("M306 240 Q340 160 392 110", "#b9a07a", 4) +
            range(6).map((i) => ellipse(262 - i * 9, 192 - i * 14, 11, 6, "#d9c3a5", `transform="rotate(${-40 - i * 3} ${262 - i * 9} ${192 - i * 14})"`)).join("") +
            range(6).map((i) => ellipse(330 + i * 10, 192 - i * 16, 11, 6, "#d9c3a5", `transform="rotate(${40 + i * 3} ${330 + i * 10} ${192 - i * 16})"`)).join("");
      return (
        stems +
        path("M262 228 L338 228 L334 262 Q420 330 410 452 Q400 560 350 600 L250 600 Q200 560 190 452 Q180 330 266 262 Z", p.base) +
        path("M350 300 Q418 350 410 452 Q400 560 350 600 L326 600 Q380 520 380 440 Q382 360 350 300 Z", p.shade, 'opacity="0.5"') +
        ellipse(300, 228, 40, 9, p.deep) +
        stroke("M226 360 Q210 420 222 500", WHITE, 8, 'opacity="0.35"') +
        (style === 2 ? range(7).map((i) => stroke(`M${226 + i * 25} ${330 - Math.abs(3 - i) * 6} L${236 + i * 21} 596`, p.shade, 3, 'opacity="0.6"')).join("") : "")
      );
    },
  },
  candle: {
    floor: [300, 604, 130],
    focus: [300, 380],
    draw: (p, _style, id) =>
      circle(300, 300, 150, `url(#${id("glow")})`) +
      rect(200, 340, 200, 258, 26, p.base) +
      rect(346, 340, 54, 258, 0, p.shade, 'opacity="0.45"') +
      ellipse(300, 344, 100, 18, p.shade) +
      ellipse(300, 348, 88, 13, "#f6efe0") +
      stroke("M300 344 L300 318", p.dark, 4) +
      path("M300 262 Q322 292 314 310 Q306 324 300 324 Q290 324 286 310 Q280 290 300 262 Z", "#f59e3a") +
      path("M300 286 Q310 302 306 312 Q302 318 300 318 Q294 318 294 310 Q292 300 300 286 Z", "#ffe08a") +
      rect(234, 424, 132, 96, 8, "#f8f5ee") +
      stroke("M256 456 L344 456 M270 482 L330 482", p.line, 4, 'opacity="0.7"') +
      rect(214, 360, 12, 220, 6, WHITE, 'opacity="0.3"'),
  },
  planter: {
    floor: [300, 632, 130],
    focus: [300, 330],
    draw: (p, style) => {
      const leaves =
        style === 0
          ? [
              [-50, 300, 250],
              [-20, 280, 210],
              [15, 320, 200],
              [45, 350, 250],
              [-75, 250, 300],
              [70, 360, 300],
            ]
              .map(([r, x, y]) => ellipse(x ?? 0, y ?? 0, 30, 92, r! > 0 ? p.leaf : p.leafDark, `transform="rotate(${r} ${x} ${y})"`))
              .join("")
          : range(5).map((i) => path(`M300 420 Q${180 + i * 60} ${300 - (i % 2) * 60} ${200 + i * 50} ${170 + (i % 2) * 40} Q${240 + i * 40} ${300} 300 420 Z`, i % 2 ? p.leaf : p.leafDark)).join("");
      return (
        leaves +
        path("M194 440 L406 440 L384 612 Q380 628 362 628 L238 628 Q220 628 216 612 Z", p.base) +
        path("M360 440 L406 440 L384 612 Q380 628 362 628 L352 628 Z", p.shade, 'opacity="0.5"') +
        rect(182, 410, 236, 40, 10, p.shade) +
        ellipse(300, 414, 104, 10, "#5c3b2a") +
        (style === 2 ? stroke("M210 520 L390 520", p.contrast, 10, 'opacity="0.6"') : "")
      );
    },
  },
  clock: {
    floor: [300, 626, 130],
    focus: [300, 300],
    draw: (p, style) =>
      circle(300, 400, 196, p.shade) +
      circle(300, 396, 196, p.base) +
      circle(300, 396, 166, "#fbfaf6") +
      range(12)
        .map((i) => {
          const a = (i * Math.PI) / 6;
          const long = i % 3 === 0;
          const r1 = long ? 128 : 138;
          const x1 = 300 + Math.sin(a) * r1;
          const y1 = 396 - Math.cos(a) * r1;
          const x2 = 300 + Math.sin(a) * 152;
          const y2 = 396 - Math.cos(a) * 152;
          return stroke(`M${x1.toFixed(1)} ${y1.toFixed(1)} L${x2.toFixed(1)} ${y2.toFixed(1)}`, p.dark, long ? 8 : 4);
        })
        .join("") +
      stroke(`M300 396 L${style === 1 ? 360 : 250} ${style === 1 ? 350 : 340}`, p.dark, 10) +
      stroke("M300 396 L300 270", p.dark, 6) +
      stroke("M300 396 L380 470", "#c8323a", 3) +
      circle(300, 396, 12, p.base),
  },
  phone: {
    floor: [300, 650, 170],
    focus: [330, 260],
    draw: (p, _style, id) =>
      `<g transform="rotate(9 400 400)">` +
      rect(300, 180, 210, 430, 34, p.base) +
      rect(300, 180, 210, 430, 34, "none", `stroke="${p.shade}" stroke-width="6"`) +
      rect(322, 202, 96, 110, 26, p.shade) +
      circle(348, 230, 18, p.dark) +
      circle(392, 230, 18, p.dark) +
      circle(348, 282, 18, p.dark) +
      circle(348, 230, 8, "#3c4b6b") +
      circle(392, 230, 8, "#3c4b6b") +
      circle(348, 282, 8, "#3c4b6b") +
      `</g>` +
      rect(130, 170, 216, 446, 36, p.dark) +
      rect(140, 180, 196, 426, 28, `url(#${id("screen")})`) +
      rect(208, 194, 60, 16, 8, "#0b0c10") +
      range(4)
        .map((row) => range(4).map((col) => rect(160 + col * 44, 250 + row * 50, 32, 32, 9, WHITE, 'opacity="0.5"')).join(""))
        .join("") +
      rect(196, 586, 84, 6, 3, WHITE, 'opacity="0.7"'),
  },
  laptop: {
    floor: [300, 580, 250],
    focus: [300, 360],
    draw: (p, _style, id) =>
      rect(130, 232, 340, 236, 16, p.dark) +
      rect(144, 246, 312, 200, 4, `url(#${id("screen")})`) +
      circle(300, 239, 3, "#444851") +
      path("M110 468 L490 468 L542 540 L58 540 Z", p.base) +
      path("M150 480 L450 480 L476 514 L124 514 Z", p.shade) +
      range(3)
        .map((r) => range(12).map((c) => rect(150 + c * 25 - r * 8 + (r === 0 ? 0 : 0), 484 + r * 10, 20, 7, 2, p.deep, 'opacity="0.55"')).join(""))
        .join("") +
      path("M250 518 L350 518 L354 536 L246 536 Z", p.light, 'opacity="0.6"') +
      path("M58 540 L542 540 L536 554 Q534 560 524 560 L76 560 Q66 560 64 554 Z", p.shade),
  },
  headphones: {
    floor: [300, 580, 190],
    focus: [300, 260],
    draw: (p) =>
      stroke("M176 410 Q170 180 300 180 Q430 180 424 410", p.base, 28) +
      stroke("M204 260 Q230 204 300 202 Q370 204 396 260", p.deep, 12, 'opacity="0.6"') +
      rect(160, 330, 30, 80, 8, p.metal) +
      rect(410, 330, 30, 80, 8, p.metal) +
      rect(122, 380, 96, 164, 44, p.base) +
      rect(382, 380, 96, 164, 44, p.base) +
      rect(122, 380, 40, 164, 20, p.shade, 'opacity="0.6"') +
      rect(438, 380, 40, 164, 20, p.shade, 'opacity="0.6"') +
      rect(206, 394, 34, 136, 16, p.dark) +
      rect(360, 394, 34, 136, 16, p.dark) +
      circle(150, 460, 8, p.light),
  },
  earbuds: {
    floor: [300, 600, 170],
    focus: [300, 330],
    draw: (p) => {
      const bud = (x: number, y: number, flip: number) =>
        `<g transform="translate(${x} ${y}) scale(${flip} 1)">` +
        rect(-12, 20, 26, 110, 13, p.base, `stroke="${p.shade}" stroke-width="4"`) +
        circle(0, 0, 40, p.base, `stroke="${p.shade}" stroke-width="4"`) +
        circle(-14, -6, 20, p.dark) +
        circle(12, 10, 10, p.light, 'opacity="0.6"') +
        `</g>`;
      return (
        rect(190, 408, 220, 180, 72, p.base, `stroke="${p.shade}" stroke-width="4"`) +
        path("M190 470 L410 470", "none", `stroke="${p.shade}" stroke-width="5"`) +
        rect(190, 408, 220, 60, 30, p.light, 'opacity="0.35"') +
        circle(300, 520, 6, "#4ade80") +
        bud(230, 250, 1) +
        bud(372, 270, -1)
      );
    },
  },
  watch: {
    floor: [300, 676, 110],
    focus: [300, 400],
    draw: (p) =>
      rect(242, 140, 116, 170, 22, p.base) +
      rect(242, 480, 116, 190, 22, p.base) +
      range(4).map((i) => circle(300, 540 + i * 30, 6, p.shade)).join("") +
      rect(242, 140, 24, 170, 0, p.shade, 'opacity="0.4"') +
      rect(204, 270, 192, 252, 58, p.metalDark) +
      rect(210, 276, 180, 240, 52, p.dark) +
      rect(224, 290, 152, 212, 40, "#0b0c10") +
      rect(396, 340, 14, 50, 6, p.metal) +
      circle(300, 396, 52, "none", 'stroke="#ff5a6e" stroke-width="14" stroke-dasharray="250 400" stroke-linecap="round" transform="rotate(-90 300 396)"') +
      circle(300, 396, 34, "none", 'stroke="#a4f05a" stroke-width="14" stroke-dasharray="160 400" stroke-linecap="round" transform="rotate(-90 300 396)"') +
      circle(300, 396, 16, "none", 'stroke="#4fd2ff" stroke-width="12" stroke-dasharray="80 400" stroke-linecap="round" transform="rotate(-90 300 396)"'),
  },
  speaker: {
    floor: [300, 574, 210],
    focus: [300, 440],
    draw: (p, _style, id) =>
      stroke("M490 420 Q540 430 530 480", p.shade, 10) +
      rect(104, 350, 392, 200, 100, p.base) +
      `<g clip-path="url(#${id("clip")})">${range(9)
        .map((row) => range(24).map((col) => circle(186 + col * 10 + (row % 2) * 5, 380 + row * 18, 3.2, p.deep, 'opacity="0.45"')).join(""))
        .join("")}</g>` +
      `<defs><clipPath id="${id("clip")}"><rect x="170" y="366" width="260" height="168" rx="20"/></clipPath></defs>` +
      path("M104 450 Q104 350 204 350 L170 350 L170 550 L204 550 Q104 550 104 450 Z", p.shade) +
      path("M496 450 Q496 350 396 350 L430 350 L430 550 L396 550 Q496 550 496 450 Z", p.shade) +
      rect(240, 340, 40, 12, 5, p.deep) +
      rect(320, 340, 40, 12, 5, p.deep) +
      circle(300, 450, 20, p.light, 'opacity="0.5"'),
  },
  dropper: {
    floor: [300, 604, 110],
    focus: [300, 320],
    draw: (p) =>
      path("M300 178 Q330 178 332 220 L332 300 L268 300 L268 220 Q270 178 300 178 Z", p.dark) +
      rect(262, 296, 76, 44, 8, p.metalDark) +
      rect(262, 296, 76, 10, 4, p.metal) +
      path("M236 372 Q236 340 266 340 L334 340 Q364 340 364 372 L364 578 Q364 598 344 598 L256 598 Q236 598 236 578 Z", p.base, 'opacity="0.92"') +
      rect(326, 350, 30, 240, 0, p.shade, 'opacity="0.4"') +
      rect(252, 430, 96, 116, 6, "#fbfaf6") +
      stroke("M268 462 L332 462 M276 484 L324 484 M282 506 L318 506", p.line, 4, 'opacity="0.8"') +
      rect(246, 360, 12, 210, 6, WHITE, 'opacity="0.35"'),
  },
  jar: {
    floor: [300, 592, 160],
    focus: [300, 420],
    draw: (p, style) =>
      rect(176, 426, 248, 160, 36, p.base) +
      rect(356, 432, 60, 150, 0, p.shade, 'opacity="0.4"') +
      rect(166, 366, 268, 72, 20, style === 1 ? "#c9a55a" : p.shade) +
      rect(166, 366, 268, 16, 8, WHITE, 'opacity="0.3"') +
      rect(216, 470, 168, 72, 10, "#fbfaf6") +
      stroke("M240 498 L360 498 M256 520 L344 520", p.line, 4, 'opacity="0.8"') +
      rect(190, 444, 14, 120, 7, WHITE, 'opacity="0.35"'),
  },
  tube: {
    floor: [300, 610, 110],
    focus: [300, 380],
    draw: (p, style) =>
      path("M246 540 L354 540 L376 252 L224 252 Z", p.base) +
      path("M330 540 L354 540 L376 252 L340 252 Z", p.shade, 'opacity="0.45"') +
      rect(216, 226, 168, 30, 4, p.shade) +
      range(12).map((i) => stroke(`M${226 + i * 13} 230 L${226 + i * 13} 252`, p.deep, 2, 'opacity="0.4"')).join("") +
      rect(244, 536, 112, 68, 12, style === 2 ? "#c9a55a" : p.dark) +
      path("M252 360 L348 360 L342 460 L258 460 Z", "#fbfaf6", 'opacity="0.9"') +
      stroke("M272 390 L328 390 M278 414 L322 414", p.line, 4, 'opacity="0.8"') +
      stroke("M248 290 L240 500", WHITE, 8, 'opacity="0.35"'),
  },
  pumpBottle: {
    floor: [300, 624, 120],
    focus: [300, 300],
    draw: (p, style) =>
      rect(258, 214, 84, 30, 8, p.dark) +
      rect(214, 222, 60, 12, 6, p.dark) +
      rect(290, 242, 20, 60, 4, p.dark) +
      rect(266, 296, 68, 46, 8, p.dark) +
      path("M222 380 Q222 340 262 340 L338 340 Q378 340 378 380 L378 596 Q378 618 356 618 L244 618 Q222 618 222 596 Z", p.base) +
      rect(338, 350, 36, 262, 0, p.shade, 'opacity="0.4"') +
      rect(244, 430, 112, 130, 8, style === 1 ? p.contrast : "#fbfaf6") +
      stroke("M264 470 L336 470 M272 494 L328 494 M280 518 L320 518", p.line, 4, 'opacity="0.8"') +
      rect(232, 370, 12, 220, 6, WHITE, 'opacity="0.35"'),
  },
  lipstick: {
    floor: [320, 614, 200],
    focus: [250, 320],
    draw: (p) =>
      `<g transform="rotate(-14 430 560)">` +
      rect(360, 520, 180, 76, 12, "#c9a55a") +
      rect(360, 520, 180, 16, 8, WHITE, 'opacity="0.35"') +
      `</g>` +
      rect(184, 420, 102, 190, 10, "#c9a55a") +
      rect(184, 420, 102, 20, 6, WHITE, 'opacity="0.3"') +
      rect(196, 340, 78, 86, 6, p.metal) +
      path("M202 344 L202 282 Q202 244 268 222 L268 344 Z", p.base) +
      path("M246 232 Q268 222 268 222 L268 344 L246 344 Z", p.shade, 'opacity="0.5"') +
      rect(206, 262, 10, 74, 5, WHITE, 'opacity="0.35"'),
  },
  palette: {
    floor: [300, 566, 200],
    focus: [300, 420],
    draw: (p) => {
      const shades = [mix(p.base, WHITE, 0.55), mix(p.base, WHITE, 0.3), p.base, mix(p.base, BLACK, 0.2), mix(p.base, BLACK, 0.4), mix(p.base, "#c9a55a", 0.5)];
      return (
        path("M150 310 L170 150 L430 150 L450 310 Z", p.metal) +
        path("M170 300 L186 168 L414 168 L430 300 Z", "#e9eef5") +
        path("M200 290 L240 176 L260 176 L220 290 Z", WHITE, 'opacity="0.5"') +
        rect(130, 300, 340, 250, 24, p.dark) +
        shades.map((colour, i) => rect(158 + (i % 3) * 100, 326 + Math.floor(i / 3) * 104, 84, 88, 14, colour)).join("") +
        shades.map((_, i) => rect(168 + (i % 3) * 100, 334 + Math.floor(i / 3) * 104, 30, 10, 5, WHITE, 'opacity="0.35"')).join("")
      );
    },
  },
  perfume: {
    floor: [300, 624, 150],
    focus: [300, 300],
    draw: (p, style) =>
      rect(272, 318, 56, 46, 4, p.metal) +
      (style === 1 ? circle(300, 270, 56, "#c9a55a") : rect(252, 226, 96, 96, 10, style === 2 ? p.dark : "#c9a55a")) +
      path("M204 364 L396 364 L434 420 L434 572 L396 616 L204 616 L166 572 L166 420 Z", p.base, 'opacity="0.8"') +
      path("M214 430 L386 430 L410 450 L410 562 L386 592 L214 592 L190 562 L190 450 Z", p.shade, 'opacity="0.55"') +
      path("M396 364 L434 420 L434 572 L396 616 Z", WHITE, 'opacity="0.25"') +
      rect(244, 470, 112, 64, 4, "#fbfaf6", 'opacity="0.9"') +
      stroke("M266 494 L334 494 M276 514 L324 514", p.line, 4) +
      stroke("M196 396 L182 430 L182 540", WHITE, 6, 'opacity="0.5"'),
  },
  dumbbell: {
    floor: [300, 590, 220],
    focus: [300, 430],
    draw: (p) => {
      const bell = (dx: number, dy: number, colour: string) => {
        const dark = mix(colour, BLACK, 0.25);
        return (
          `<g transform="translate(${dx} ${dy})">` +
          rect(190, 434, 220, 28, 12, "#aeb5bf") +
          range(6).map((i) => stroke(`M${230 + i * 28} 436 L${238 + i * 28} 460`, "#8a919c", 3)).join("") +
          path("M118 398 L170 380 L200 398 L200 498 L170 516 L118 498 Z", colour) +
          path("M400 398 L430 380 L482 398 L482 498 L430 516 L400 498 Z", colour) +
          path("M170 380 L200 398 L200 498 L170 516 Z", dark) +
          path("M430 380 L482 398 L482 498 L430 516 Z", dark) +
          rect(128, 410, 10, 70, 5, WHITE, 'opacity="0.3"') +
          `</g>`
        );
      };
      return bell(40, -90, mix(p.base, BLACK, 0.15)) + bell(-20, 40, p.base);
    },
  },
  kettlebell: {
    floor: [300, 610, 150],
    focus: [300, 330],
    draw: (p) =>
      stroke("M222 410 Q212 240 300 240 Q388 240 378 410", p.base, 40) +
      stroke("M222 410 Q212 240 300 240 Q388 240 378 410", p.shade, 14, 'opacity="0.4"') +
      path("M178 470 Q178 340 300 340 Q422 340 422 470 Q422 560 370 604 L230 604 Q178 560 178 470 Z", p.base) +
      path("M360 350 Q422 380 422 470 Q422 560 370 604 L340 604 Q396 520 360 350 Z", p.shade, 'opacity="0.5"') +
      circle(300, 480, 44, p.contrast, 'opacity="0.8"') +
      rect(276, 470, 48, 20, 4, p.base) +
      stroke("M212 430 Q214 390 240 368", WHITE, 10, 'opacity="0.3"'),
  },
  yogaMat: {
    floor: [300, 628, 230],
    focus: [220, 440],
    draw: (p) =>
      path("M96 566 L504 566 L540 620 L60 620 Z", p.base) +
      path("M96 566 L504 566 L540 620 L60 620 Z", WHITE, 'opacity="0.15"') +
      range(12).map((i) => circle(120 + i * 32, 592, 4, p.shade)).join("") +
      rect(180, 372, 300, 180, 0, p.base) +
      rect(180, 372, 300, 40, 0, p.light, 'opacity="0.35"') +
      ellipse(480, 462, 46, 90, p.shade) +
      ellipse(180, 462, 46, 90, p.base) +
      [70, 54, 38, 22].map((r) => ellipse(180, 462, r * 0.5, r, "none", `stroke="${p.shade}" stroke-width="5"`)).join("") +
      rect(250, 366, 26, 192, 6, p.dark) +
      rect(396, 366, 26, 192, 6, p.dark),
  },
  tent: {
    floor: [300, 614, 250],
    focus: [300, 420],
    draw: (p) =>
      path("M40 620 Q300 560 560 620 Z", "#a9cf97", 'opacity="0.7"') +
      stroke("M300 256 L90 600 M300 256 L510 600", "#8b8f98", 2) +
      path("M130 604 L300 254 L470 604 Z", p.base) +
      path("M300 254 L470 604 L400 604 Z", p.shade) +
      path("M236 604 L300 400 L364 604 Z", p.deep) +
      path("M300 400 L364 604 L336 604 L300 440 Z", p.light, 'opacity="0.7"') +
      stroke("M300 254 L300 232", "#8b8f98", 5) +
      stroke("M178 520 L292 300", p.light, 5, 'opacity="0.5"'),
  },
  thermos: {
    floor: [300, 628, 110],
    focus: [300, 280],
    draw: (p) =>
      rect(236, 276, 128, 346, 26, p.base) +
      rect(326, 286, 38, 326, 0, p.shade, 'opacity="0.45"') +
      rect(244, 190, 112, 96, 14, p.shade) +
      rect(236, 282, 128, 16, 4, p.metal) +
      rect(236, 596, 128, 20, 6, p.metal) +
      rect(250, 320, 14, 260, 7, WHITE, 'opacity="0.3"') +
      rect(256, 200, 10, 72, 5, WHITE, 'opacity="0.25"'),
  },
};

export const IMAGE_SHAPES = Object.keys(SHAPES) as ImageShape[];

// ---------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------

/**
 * The SVG document for one product picture. `idPrefix` keeps gradient ids unique when several
 * pictures are inlined into one page (the contact sheet); files can use the default.
 */
export function renderProductImage(spec: ProductImageSpec, idPrefix = "p"): string {
  const shape = SHAPES[spec.shape];
  if (!shape) throw new Error(`unknown image shape ${spec.shape}`);
  if (!/^[a-z][a-z0-9]*$/i.test(idPrefix)) throw new Error("idPrefix must be alphanumeric");
  const p = paintFor(spec.colorHex);
  const id = (name: string) => `${idPrefix}-${name}`;

  // A background tinted by the product colour; light products get a cool grey instead so
  // they do not vanish into it.
  const light = luminance(p.base) > 0.55;
  const bgTop = light ? "#eef1f6" : mix(p.base, WHITE, 0.9);
  const bgBottom = light ? "#d6dde8" : mix(p.base, WHITE, 0.74);
  const [fx, fy] = shape.focus;
  const [cx, cy, rx] = shape.floor;

  const transform =
    spec.view === 2
      ? `translate(300 400) scale(1.7) translate(${-fx} ${-fy})`
      : spec.view === 1
        ? "translate(300 420) rotate(-7) scale(0.9) translate(-300 -420)"
        : "";
  const spot = spec.view === 1 ? { x: 220, y: 330, r: 230 } : { x: 300, y: 380, r: 250 };

  const drawn = ellipse(cx, cy, rx, Math.max(10, rx * 0.09), BLACK, 'opacity="0.12"') + shape.draw(p, ((spec.style % 3) + 3) % 3, id);
  const body = shape.zoom
    ? `<g transform="translate(300 ${shape.zoom.centre[1] - 40}) scale(${shape.zoom.scale}) translate(${-shape.zoom.centre[0]} ${-shape.zoom.centre[1]})">${drawn}</g>`
    : drawn;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}">`,
    "<defs>",
    `<linearGradient id="${id("bg")}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bgTop}"/><stop offset="1" stop-color="${bgBottom}"/></linearGradient>`,
    `<radialGradient id="${id("spot")}"><stop offset="0" stop-color="#ffffff" stop-opacity="0.75"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="${id("glow")}"><stop offset="0" stop-color="#fff3c4" stop-opacity="0.95"/><stop offset="1" stop-color="#fff3c4" stop-opacity="0"/></radialGradient>`,
    `<linearGradient id="${id("screen")}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${mix(p.base, "#6d5dfc", 0.55)}"/><stop offset="1" stop-color="${mix(p.base, "#ff8a65", 0.45)}"/></linearGradient>`,
    "</defs>",
    `<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="url(#${id("bg")})"/>`,
    circle(spot.x, spot.y, spot.r, `url(#${id("spot")})`),
    circle(92, 118, 26, WHITE, 'opacity="0.35"'),
    circle(520, 690, 40, WHITE, 'opacity="0.25"'),
    circle(510, 150, 10, WHITE, 'opacity="0.5"'),
    transform ? `<g transform="${transform}">${body}</g>` : body,
    "</svg>",
  ].join("");
}

/** Every shape on one page, for eyeballing the drawings (see images-preview.ts). */
export function renderContactSheet(colours: readonly string[], columns = 8): string {
  const cellW = 150;
  const cellH = 200;
  const rows = Math.ceil(IMAGE_SHAPES.length / columns);
  const cells = IMAGE_SHAPES.map((shape, i) => {
    const svg = renderProductImage({ shape, colorHex: colours[i % colours.length] ?? "#1f8a64", view: 0, style: i }, `c${i}`);
    const inner = svg.replace(/^<svg[^>]*>/, "").replace(/<\/svg>$/, "");
    return `<svg x="${(i % columns) * cellW}" y="${Math.floor(i / columns) * cellH}" width="${cellW}" height="${cellH}" viewBox="0 0 600 800">${inner}</svg>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * cellW}" height="${rows * cellH}" viewBox="0 0 ${columns * cellW} ${rows * cellH}">${cells.join("")}</svg>`;
}
