// Numbers as sellers type them in spreadsheets: prices in roubles (not kopecks) with a comma or a
// dot before the kopecks and spaces between thousands ("1 299,90"), quantities as whole numbers.
// Each parser returns the value or the sentence to show next to the row.

const MAX_PRICE_MINOR = 2_000_000_000;
export const MAX_IMPORT_QUANTITY = 1_000_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SPACES = /[\s\u00A0\u202F]/g;

/** A price in major units ("1299.90", "1 299,90", "1299") as minor units (129990). */
export function parsePrice(cell: string, label: string): Parsed<number> {
  const text = cell.replace(SPACES, "");
  if (text === "") return { ok: false, message: `Enter the ${label}.` };
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) {
    if (/^-/.test(text)) return { ok: false, message: `The ${label} must be greater than 0.` };
    return { ok: false, message: `The ${label} "${cell}" is not a number: write it like 1299.90 or 1299,90.` };
  }
  const minor = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  if (minor <= 0) return { ok: false, message: `The ${label} must be greater than 0.` };
  if (minor > MAX_PRICE_MINOR) return { ok: false, message: `The ${label} can be at most ${(MAX_PRICE_MINOR / 100).toLocaleString("en-GB")}.` };
  return { ok: true, value: minor };
}

/** Minor units back to the form the import reads: 129990 → "1299.90". */
export const formatPrice = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

export function parseQuantity(cell: string): Parsed<number> {
  const text = cell.replace(SPACES, "");
  if (text === "") return { ok: false, message: "Enter the quantity." };
  if (!/^[-+]?\d+$/.test(text)) return { ok: false, message: `The quantity "${cell}" is not a whole number.` };
  const value = Number(text);
  if (value < 0) return { ok: false, message: "The quantity cannot be negative." };
  if (value > MAX_IMPORT_QUANTITY) return { ok: false, message: `The quantity can be at most ${MAX_IMPORT_QUANTITY.toLocaleString("en-GB")}.` };
  return { ok: true, value };
}
