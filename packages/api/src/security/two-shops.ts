// Two shops, each with a member, products with stock in a marketplace warehouse and in its own
// warehouse, paid orders from both, an API key and an import job: the world the security tests
// run in. `snapshotShop` reads everything a shop owns, so a test can prove that nothing another
// shop did changed any of it.
import { randomUUID } from "node:crypto";
import { ApiScope, getPrisma, WarehouseKind } from "@market/db";
import { createSale, createShopWithMember } from "@market/domain/seller-orders/testing";
import { generateApiKey } from "@market/domain/sellers";
import { createProduct, createWarehouse } from "@market/domain/testing";
import type { SessionUser } from "../context.ts";
import { createCaller } from "../root.ts";

export const ALL_SCOPES = [ApiScope.READ, ApiScope.STOCK_PRICES_WRITE, ApiScope.ORDERS, ApiScope.CATALOG_WRITE];

export type Shop = {
  sellerId: string;
  slug: string;
  user: SessionUser;
  productId: string;
  variantId: string;
  sku: string;
  marketplaceWarehouseCode: string;
  ownWarehouseId: string;
  ownWarehouseCode: string;
  /** A paid part shipped by the marketplace's warehouse. */
  partId: string;
  /** A paid part the shop ships from its own warehouse. */
  ownPartId: string;
  /** A delivered part with a shopper's return request on it. */
  deliveredPartId: string;
  returnId: string;
  categoryId: string;
  keyId: string;
  key: string;
  importJobId: string;
  importFileKey: string;
};

export async function createShop(label: string): Promise<Shop> {
  const prisma = getPrisma();
  const { seller, member } = await createShopWithMember();
  const marketplace = await prisma.warehouse.findUniqueOrThrow({ where: { id: (await createWarehouse("Tula")).id } });
  const own = await prisma.warehouse.create({
    data: { code: `OWN-${label}-${randomUUID().slice(0, 8)}`, name: `${label} back room`, kind: WarehouseKind.SELLER, sellerId: seller.id, city: "Kazan", address: "Kazan, 1" },
  });
  const product = await createProduct({
    sellerId: seller.id,
    warehouseId: marketplace.id,
    variants: [
      { size: "S", color: "Black", priceMinor: 249_000, stock: [{ warehouseId: marketplace.id, onHand: 5 }, { warehouseId: own.id, onHand: 8 }] },
      { size: "M", color: "Black", priceMinor: 259_000, stock: [{ warehouseId: marketplace.id, onHand: 4 }, { warehouseId: own.id, onHand: 2 }] },
    ],
  });
  const variant = product.variants[0]!;
  const sku = (await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id }, select: { sku: true } })).sku;
  const sale = await createSale({ sellerId: seller.id, warehouseId: marketplace.id, lines: [{ variantId: variant.id, quantity: 1, unitPriceMinor: 249_000 }] });
  const ownSale = await createSale({ sellerId: seller.id, warehouseId: own.id, lines: [{ variantId: product.variants[1]!.id, quantity: 1, unitPriceMinor: 259_000 }] });
  const delivered = await createSale({ sellerId: seller.id, warehouseId: marketplace.id, status: "DELIVERED", sellerStatus: "COMPLETE", lines: [{ variantId: variant.id, quantity: 1, unitPriceMinor: 249_000 }] });
  const line = await prisma.orderLine.findFirstOrThrow({ where: { orderPartId: delivered.partId }, select: { id: true, order: { select: { userId: true } } } });
  const returned = await prisma.returnRequest.create({ data: { orderLineId: line.id, userId: line.order.userId, quantity: 1, reason: "Too small", amountMinor: 249_000, currency: "RUB" } });
  const { key, prefix, keyHash } = generateApiKey();
  const apiKey = await prisma.sellerApiKey.create({ data: { sellerId: seller.id, name: `${label} script`, prefix, keyHash, scopes: ALL_SCOPES } });
  const job = await prisma.importJob.create({
    data: { sellerId: seller.id, kind: "STOCK_PRICES", status: "COMPLETED", fileKey: `imports/${seller.id}/${randomUUID()}/stock.csv`, totalRows: 2, processed: 2, succeeded: 2, finishedAt: new Date() },
  });
  const shop = await prisma.seller.findUniqueOrThrow({ where: { id: seller.id }, select: { slug: true } });
  return {
    sellerId: seller.id,
    slug: shop.slug,
    user: { id: member.id, email: `${member.id}@example.com`, name: "Shop Owner", role: "SELLER" },
    productId: product.id,
    variantId: variant.id,
    sku,
    marketplaceWarehouseCode: marketplace.code,
    ownWarehouseId: own.id,
    ownWarehouseCode: own.code,
    partId: sale.partId,
    ownPartId: ownSale.partId,
    deliveredPartId: delivered.partId,
    returnId: returned.id,
    categoryId: product.categoryId,
    keyId: apiKey.id,
    key,
    importJobId: job.id,
    importFileKey: job.fileKey,
  };
}

/** The tRPC API as a signed-in member of the shop, from the seller portal. */
export const portalAs = (shop: Shop) =>
  createCaller({ user: shop.user, requestId: `req-${shop.slug}`, app: "seller", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

/** Everything a shop owns that another shop might try to read or change, in a stable order. */
export async function snapshotShop(sellerId: string) {
  const prisma = getPrisma();
  const [seller, products, stock, parts, keys, jobs, members, warehouses, files, returns] = await Promise.all([
    prisma.seller.findUniqueOrThrow({ where: { id: sellerId } }),
    prisma.product.findMany({
      where: { sellerId },
      orderBy: { id: "asc" },
      include: {
        variants: { orderBy: { id: "asc" } },
        images: { orderBy: { id: "asc" } },
        characteristics: { orderBy: { id: "asc" } },
      },
    }),
    prisma.stock.findMany({ where: { variant: { product: { sellerId } } }, orderBy: [{ variantId: "asc" }, { warehouseId: "asc" }] }),
    prisma.orderPart.findMany({ where: { sellerId }, orderBy: { id: "asc" }, include: { events: { orderBy: { id: "asc" } } } }),
    prisma.sellerApiKey.findMany({ where: { sellerId }, orderBy: { id: "asc" } }),
    prisma.importJob.findMany({ where: { sellerId }, orderBy: { id: "asc" } }),
    prisma.sellerMember.findMany({ where: { sellerId }, orderBy: { userId: "asc" } }),
    prisma.warehouse.findMany({ where: { sellerId }, orderBy: { id: "asc" } }),
    prisma.idempotencyRecord.findMany({ where: { scope: { contains: sellerId } }, orderBy: { id: "asc" } }),
    prisma.returnRequest.findMany({ where: { orderLine: { part: { sellerId } } }, orderBy: { id: "asc" } }),
  ]);
  return { seller, products, stock, parts, keys, jobs, members, warehouses, files, returns };
}
