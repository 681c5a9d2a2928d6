// Seeded randomness, so every seed run produces the same catalogue. Math.random would make
// demo screenshots, e2e expectations and bug reports differ from machine to machine.

/** mulberry32: a tiny 32-bit PRNG; plenty for demo data, not for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to turn a label such as "product:17" into a seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number | string) {
    this.next = mulberry32(typeof seed === "string" ? hashString(seed) : seed);
  }

  /** A separate stream per label: changing how one product is generated does not shift the
   *  numbers every later product sees. */
  static for(...labels: (string | number)[]): Rng {
    return new Rng(labels.join(":"));
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** k distinct items in their original order (so size runs stay S, M, L rather than L, S). */
  sampleInOrder<T>(items: readonly T[], k: number): T[] {
    const indexes = this.shuffle(items.map((_, i) => i)).slice(0, Math.min(k, items.length));
    return indexes.sort((a, b) => a - b).map((i) => items[i] as T);
  }

  /** k distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.min(k, items.length));
  }

  /** A contiguous run of k items, for size ranges such as M-XL (a shop rarely stocks XS and XXL only). */
  run<T>(items: readonly T[], k: number): T[] {
    const length = Math.min(k, items.length);
    const start = this.int(0, items.length - length);
    return items.slice(start, start + length);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy;
  }

  weighted<T>(items: readonly { value: T; weight: number }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item.value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last.value;
  }

  /** A UUIDv7 (RFC 9562) whose timestamp is `timeMs` and whose random bits come from this stream,
   *  so seeded ids sort by creation time like the ones the app mints. */
  uuidV7(timeMs: number): string {
    const bytes = new Uint8Array(16);
    let ms = Math.max(0, Math.floor(timeMs));
    for (let i = 5; i >= 0; i--) {
      bytes[i] = ms % 256;
      ms = Math.floor(ms / 256);
    }
    for (let i = 6; i < 16; i++) bytes[i] = Math.floor(this.next() * 256);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
