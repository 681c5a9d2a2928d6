// The cart journal a shopper's device keeps while our database cannot be reached (brief,
// guarantee 4): every add, quantity change and removal is written down as "the cart holds N of
// this variant", one entry per variant (a later change replaces the earlier one), shown on top
// of the last cart the server sent, and replayed through cart.sync when the server answers
// again. Setting rather than adding makes the replay idempotent: sent twice (an answer lost on
// the way back, two tabs replaying at once) it leaves the same cart.
//
// Pure functions over plain data, so the storefront's browser code and the tests share them;
// only types come from the cart domain (nothing here may pull server code into a browser).
import type { Currency } from "@market/db/browser";
import type { CartLineView, CartTotal, CartView } from "../cart/get-cart.ts";

/** Most units of one variant a cart may hold (the cart domain's MAX_LINE_QUANTITY). */
export const JOURNAL_MAX_QUANTITY = 99;
/** Most variants a journal tracks (cart.sync takes at most 100 operations at once). */
export const JOURNAL_MAX_ENTRIES = 100;

/** What a device shows for an item it added while offline; display only, never sent. */
export type JournalItem = {
  product: { slug: string; title: string; image: { url: string; alt: string } | null };
  seller: { slug: string; name: string };
  size: string | null;
  color: string | null;
  unitPriceMinor: number;
  compareAtMinor: number | null;
  currency: Currency;
  available: number;
};

export type JournalEntry = {
  variantId: string;
  /** What the cart should hold: 0..99, 0 meaning the line is removed. */
  quantity: number;
  /** When the change was made (ms since the epoch). */
  at: number;
  /** Set when the change adds an item the device's last cart did not show. */
  item: JournalItem | null;
};

/** Oldest change first, at most one entry per variant. */
export type Journal = readonly JournalEntry[];

/** How many of each variant the server's cart held when last seen. */
export type BaseQuantities = Readonly<Record<string, number>>;

export type SyncOperation = { variantId: string; quantity: number };

const isQuantity = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= JOURNAL_MAX_QUANTITY;

/** What the shopper sees for a variant: the journal's word if it has one, else the server's. */
export function quantityOnDevice(base: BaseQuantities, journal: Journal, variantId: string): number {
  const entry = journal.find((e) => e.variantId === variantId);
  return entry ? entry.quantity : (base[variantId] ?? 0);
}

/** Items the shopper sees in the cart: the server's quantities with the journal's on top. */
export function itemCountOnDevice(base: BaseQuantities, journal: Journal): number {
  const quantities = { ...base };
  for (const entry of journal) quantities[entry.variantId] = entry.quantity;
  return Object.values(quantities).reduce((sum, n) => sum + n, 0);
}

/**
 * Records "the cart holds `quantity` of the variant". The entry replaces any earlier one for
 * the variant and moves to the end (changes replay in the order last made); the item details
 * of an earlier entry are kept when none are given.
 */
export function recordSet(journal: Journal, variantId: string, quantity: number, item: JournalItem | null = null, now = Date.now()): Journal {
  if (!isQuantity(quantity)) throw new RangeError(`A cart holds 0 to ${JOURNAL_MAX_QUANTITY} of an item, not ${quantity}.`);
  const earlier = journal.find((e) => e.variantId === variantId);
  const rest = journal.filter((e) => e.variantId !== variantId);
  if (rest.length >= JOURNAL_MAX_ENTRIES) throw new RangeError(`A cart journal tracks at most ${JOURNAL_MAX_ENTRIES} items.`);
  return [...rest, { variantId, quantity, at: now, item: item ?? earlier?.item ?? null }];
}

/**
 * Records an add as the quantity it results in (never as "+n"), capped at the cart's limit, so
 * replaying it cannot add twice. Returns the journal and the quantity recorded.
 */
export function recordAdd(
  journal: Journal,
  base: BaseQuantities,
  variantId: string,
  count: number,
  item: JournalItem | null = null,
  now = Date.now(),
): { journal: Journal; quantity: number } {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Add at least one, not ${count}.`);
  const quantity = Math.min(JOURNAL_MAX_QUANTITY, quantityOnDevice(base, journal, variantId) + count);
  return { journal: recordSet(journal, variantId, quantity, item, now), quantity };
}

/** The changes to send to cart.sync, oldest first. */
export function pendingOperations(journal: Journal): SyncOperation[] {
  return journal.map(({ variantId, quantity }) => ({ variantId, quantity }));
}

/**
 * Drops the entries the server has dealt with: those still saying exactly what was sent. An
 * entry changed again while the replay was on its way says something newer and stays for the
 * next replay.
 */
export function acknowledge(journal: Journal, sent: readonly SyncOperation[]): Journal {
  return journal.filter((entry) => !sent.some((op) => op.variantId === entry.variantId && op.quantity === entry.quantity));
}

/** Server quantities from a cart view. */
export function baseFromCart(cart: Pick<CartView, "groups">): Record<string, number> {
  const base: Record<string, number> = {};
  for (const group of cart.groups) for (const line of group.lines) base[line.variantId] = line.quantity;
  return base;
}

export type DeviceCartLine = CartLineView & {
  /** The server's line id, or null for an item added on this device and not yet saved. */
  serverLineId: string | null;
  /** The line shows a change not yet saved on the server. */
  pending: boolean;
};

export type DeviceCartView = {
  groups: { seller: { slug: string; name: string }; lines: DeviceCartLine[]; subtotals: CartTotal[] }[];
  itemCount: number;
  totals: CartTotal[];
  /** How many of the lines carry unsaved changes (including removals, which show no line). */
  pendingCount: number;
};

function addTotal(totals: CartTotal[], currency: Currency, amountMinor: number) {
  const found = totals.find((t) => t.currency === currency);
  if (found) found.amountMinor += amountMinor;
  else totals.push({ currency, amountMinor });
}

/**
 * The cart as the shopper should see it: the server's last cart (null: none seen on this
 * device) with the journal applied. Totals are recomputed the server's way (lines that can be
 * bought today) from the prices last shown; the server's numbers replace them after the replay.
 */
export function applyJournal(cart: CartView | null, journal: Journal): DeviceCartView {
  const entries = new Map(journal.map((e) => [e.variantId, e]));
  const groups: DeviceCartView["groups"] = [];
  const groupFor = (seller: { slug: string; name: string }) => {
    let group = groups.find((g) => g.seller.slug === seller.slug);
    if (!group) {
      group = { seller, lines: [], subtotals: [] };
      groups.push(group);
    }
    return group;
  };

  for (const group of cart?.groups ?? []) {
    for (const line of group.lines) {
      const entry = entries.get(line.variantId);
      entries.delete(line.variantId);
      if (entry?.quantity === 0) continue;
      const quantity = entry?.quantity ?? line.quantity;
      groupFor(group.seller).lines.push({
        ...line,
        quantity,
        lineTotalMinor: line.unitPriceMinor * quantity,
        serverLineId: line.id,
        pending: entry !== undefined && entry.quantity !== line.quantity,
      });
    }
  }
  for (const entry of entries.values()) {
    if (entry.quantity === 0) continue;
    const item = entry.item;
    groupFor(item?.seller ?? { slug: "", name: "" }).lines.push({
      id: `device:${entry.variantId}`,
      variantId: entry.variantId,
      product: item?.product ?? { slug: "", title: "", image: null },
      size: item?.size ?? null,
      color: item?.color ?? null,
      quantity: entry.quantity,
      unitPriceMinor: item?.unitPriceMinor ?? 0,
      compareAtMinor: item?.compareAtMinor ?? null,
      priceSeenMinor: null,
      lineTotalMinor: (item?.unitPriceMinor ?? 0) * entry.quantity,
      currency: item?.currency ?? "RUB",
      available: item?.available ?? 0,
      sold: item !== null,
      serverLineId: null,
      pending: true,
    });
  }

  const view: DeviceCartView = { groups, itemCount: 0, totals: [], pendingCount: 0 };
  const serverQuantity = cart ? baseFromCart(cart) : {};
  view.pendingCount = journal.filter((e) => e.quantity !== (serverQuantity[e.variantId] ?? 0)).length;
  for (const group of groups) {
    for (const line of group.lines) {
      view.itemCount += line.quantity;
      if (line.sold && line.available > 0) {
        addTotal(group.subtotals, line.currency, line.lineTotalMinor);
        addTotal(view.totals, line.currency, line.lineTotalMinor);
      }
    }
  }
  return view;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseItem(value: unknown): JournalItem | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<JournalItem>;
  const product = v.product;
  const seller = v.seller;
  if (
    typeof product?.slug !== "string" ||
    typeof product.title !== "string" ||
    typeof seller?.slug !== "string" ||
    typeof seller.name !== "string" ||
    typeof v.unitPriceMinor !== "number" ||
    typeof v.currency !== "string" ||
    typeof v.available !== "number"
  ) {
    return null;
  }
  const image = product.image && typeof product.image.url === "string" ? { url: product.image.url, alt: String(product.image.alt ?? "") } : null;
  return {
    product: { slug: product.slug, title: product.title, image },
    seller: { slug: seller.slug, name: seller.name },
    size: typeof v.size === "string" ? v.size : null,
    color: typeof v.color === "string" ? v.color : null,
    unitPriceMinor: v.unitPriceMinor,
    compareAtMinor: typeof v.compareAtMinor === "number" ? v.compareAtMinor : null,
    currency: v.currency as Currency,
    available: v.available,
  };
}

/**
 * A journal read back from device storage, which anything may have written: entries that are
 * not well-formed are dropped, duplicates keep the last word.
 */
export function parseJournal(value: unknown): Journal {
  if (!Array.isArray(value)) return [];
  let journal: Journal = [];
  for (const raw of value) {
    if (typeof raw !== "object" || raw === null) continue;
    const e = raw as Partial<JournalEntry>;
    if (typeof e.variantId !== "string" || !UUID.test(e.variantId) || !isQuantity(e.quantity)) continue;
    try {
      journal = recordSet(journal, e.variantId, e.quantity, parseItem(e.item), typeof e.at === "number" ? e.at : 0);
    } catch {
      break; // over the size limit: the rest cannot be replayed in one go either
    }
  }
  return journal;
}

/**
 * How long to wait before replay attempt `attempt` (0 = the first retry): doubling from one
 * second up to half a minute, with jitter so many devices do not all come back at once.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
