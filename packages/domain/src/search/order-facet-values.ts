// Facet values in the order a shopper scans them, the same whichever engine counted them.
import type { FacetValue } from "./types.ts";

/** Most values returned per facet; a catalogue can have thousands of brands. */
export const FACET_VALUE_LIMIT = 100;

/** Most common first, then alphabetically, with the shopper's own choices always present. */
export function byCount(values: FacetValue[], selected: readonly string[] = []): FacetValue[] {
  return withSelected(values, selected).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

// Clothing sizes read smallest to largest; counting order (M before XS) would look random.
const LETTER_SIZES = ["XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "2XL", "XXXL", "3XL", "4XL", "5XL"];

function sizeRank(size: string): [number, number, string] {
  const letter = LETTER_SIZES.indexOf(size.toUpperCase());
  if (letter >= 0) return [0, letter, size];
  const numeric = Number.parseFloat(size.replace(",", "."));
  if (Number.isFinite(numeric)) return [1, numeric, size];
  return [2, 0, size];
}

/** Sizes in size order: letter sizes XS..XXL, then numeric ones (shoes, heights), then the rest. */
export function bySize(values: FacetValue[], selected: readonly string[] = []): FacetValue[] {
  return withSelected(values, selected).sort((a, b) => {
    const [ga, na, sa] = sizeRank(a.value);
    const [gb, nb, sb] = sizeRank(b.value);
    return ga - gb || na - nb || sa.localeCompare(sb);
  });
}

/** A ticked value that no longer matches anything still shows (with 0), so it can be unticked. */
function withSelected(values: FacetValue[], selected: readonly string[]): FacetValue[] {
  const present = new Set(values.map((v) => v.value));
  return [...values, ...selected.filter((s) => !present.has(s)).map((s) => ({ value: s, label: s, count: 0 }))];
}

export const RATING_THRESHOLDS = [4, 3, 2, 1] as const;

/** "At least 4 stars" and so on, from counts per threshold. */
export function ratingFacet(atLeast: (threshold: number) => number): FacetValue[] {
  return RATING_THRESHOLDS.map((threshold) => ({ value: String(threshold), label: `${threshold}+`, count: atLeast(threshold) }));
}

/** Pages of PAGE_SIZE, capped at the last page a query can ask for (searchQueryInput's max). */
export function pageCountOf(total: number, pageSize: number, maxPage = 500): number {
  return Math.min(maxPage, Math.ceil(total / pageSize));
}
