// Prices are typed in roubles ("1 299.00", "1299,5") and sent in kopecks. Parsed from the text,
// never through floating point, so 19.99 is 1999 and not 1998.9999.

/** Minor units, or null when the text is not an amount with at most two decimals. */
export function parseMoneyInput(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f₽]/g, "").replace(",", ".");
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(compact);
  if (!match) return null;
  const minor = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** "1299.00" for 129900: what the input shows for a stored price. */
export function minorToInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}
