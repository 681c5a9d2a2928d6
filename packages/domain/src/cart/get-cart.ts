import { getPrisma, ProductStatus, type Currency } from "@market/db";
import { availableUnits } from "../catalog/stock.ts";
import { fileUrl } from "../files/index.ts";
import { cartKey } from "./cart-owner.ts";
import type { CartOwner } from "./schemas.ts";

export type CartLineView = {
  id: string;
  variantId: string;
  product: { slug: string; title: string; image: { url: string; alt: string } | null };
  size: string | null;
  color: string | null;
  quantity: number;
  /** Today's catalogue price; the cart never keeps a price of its own. */
  unitPriceMinor: number;
  compareAtMinor: number | null;
  /** Set when the price changed since the item was added. */
  priceSeenMinor: number | null;
  lineTotalMinor: number;
  currency: Currency;
  available: number;
  /** False when the product was unpublished or the variant switched off since. */
  sold: boolean;
};

export type CartView = {
  groups: { seller: { slug: string; name: string }; lines: CartLineView[]; subtotals: CartTotal[] }[];
  itemCount: number;
  totals: CartTotal[];
};

export type CartTotal = { currency: Currency; amountMinor: number };

function addTotal(totals: CartTotal[], currency: Currency, amountMinor: number) {
  const found = totals.find((t) => t.currency === currency);
  if (found) found.amountMinor += amountMinor;
  else totals.push({ currency, amountMinor });
}

/** The owner's cart grouped by seller (each seller ships its own parcel), with catalogue prices. */
export async function getCart(owner: CartOwner | null): Promise<CartView> {
  const empty: CartView = { groups: [], itemCount: 0, totals: [] };
  if (!owner) return empty;
  const cart = await getPrisma().cart.findUnique({
    where: cartKey(owner),
    select: {
      lines: {
        orderBy: { addedAt: "asc" },
        select: {
          id: true,
          quantity: true,
          priceSeenMinor: true,
          variant: {
            select: {
              id: true,
              size: true,
              color: true,
              priceMinor: true,
              compareAtMinor: true,
              currency: true,
              isActive: true,
              stock: { select: { onHand: true, reserved: true } },
              product: {
                select: {
                  slug: true,
                  title: true,
                  status: true,
                  seller: { select: { slug: true, name: true } },
                  images: { select: { storageKey: true, alt: true }, orderBy: { position: "asc" }, take: 1 },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!cart) return empty;

  const view: CartView = { groups: [], itemCount: 0, totals: [] };
  for (const line of cart.lines) {
    const { variant } = line;
    const { product } = variant;
    const sold = variant.isActive && product.status === ProductStatus.ACTIVE;
    const image = product.images[0];
    const item: CartLineView = {
      id: line.id,
      variantId: variant.id,
      product: { slug: product.slug, title: product.title, image: image ? { url: fileUrl(image.storageKey), alt: image.alt || product.title } : null },
      size: variant.size,
      color: variant.color,
      quantity: line.quantity,
      unitPriceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
      priceSeenMinor: line.priceSeenMinor !== null && line.priceSeenMinor !== variant.priceMinor ? line.priceSeenMinor : null,
      lineTotalMinor: variant.priceMinor * line.quantity,
      currency: variant.currency,
      available: availableUnits(variant.stock),
      sold,
    };
    let group = view.groups.find((g) => g.seller.slug === product.seller.slug);
    if (!group) {
      group = { seller: product.seller, lines: [], subtotals: [] };
      view.groups.push(group);
    }
    group.lines.push(item);
    view.itemCount += line.quantity;
    // Totals are what can be bought today: lines no longer sold or sold out do not count.
    if (sold && item.available > 0) {
      addTotal(group.subtotals, item.currency, item.lineTotalMinor);
      addTotal(view.totals, item.currency, item.lineTotalMinor);
    }
  }
  return view;
}
