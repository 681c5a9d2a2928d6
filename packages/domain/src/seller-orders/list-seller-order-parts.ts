// The seller's orders from every warehouse, newest first, with filters and keyset pagination.
import { getPrisma, WarehouseKind, type Currency, type FulfilmentStatus, type OrderStatus, type Prisma, type SellerOrderStatus } from "@market/db";
import { requireShopMember } from "../seller-dashboard/shop-access.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { dayRange, listSellerOrderPartsInput, type ListSellerOrderPartsInput } from "./inputs.ts";
import { partScope, type SellerAccess } from "./scope.ts";

export type SellerOrderPartRow = {
  id: string;
  createdAt: Date;
  shop: { id: string; name: string };
  order: { number: string; status: OrderStatus; paidAt: Date | null };
  units: number;
  subtotalMinor: number;
  currency: Currency;
  sellerStatus: SellerOrderStatus;
  status: FulfilmentStatus;
  warehouse: { name: string; code: string } | null;
  ownWarehouse: boolean;
};

export type SellerOrderPartPage = { items: SellerOrderPartRow[]; nextCursor: string | null };

export async function listOrderParts(access: SellerAccess, input: ListSellerOrderPartsInput = {}): Promise<SellerOrderPartPage> {
  const { sellerId, sellerStatus, status, from, to, cursor, limit } = listSellerOrderPartsInput.parse(input);
  // Another seller's shop is NOT_FOUND, not an empty list, as on every other shop page.
  if (sellerId && "userId" in access) await requireShopMember(access.userId, sellerId);
  const after = cursor ? decodeCursor(cursor) : null;
  const range = dayRange(from, to);
  const where: Prisma.OrderPartWhereInput = {
    AND: [
      partScope(access, sellerId),
      sellerStatus ? { sellerStatus } : {},
      status ? { status } : {},
      from || to ? { createdAt: range } : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  };
  const prisma = getPrisma();
  const parts = await prisma.orderPart.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      subtotalMinor: true,
      currency: true,
      sellerStatus: true,
      status: true,
      seller: { select: { id: true, name: true } },
      order: { select: { number: true, status: true, paidAt: true } },
      warehouse: { select: { name: true, code: true, kind: true, sellerId: true } },
    },
  });
  const page = parts.slice(0, limit);
  // Units per part for this page only, summed by the database.
  const units = page.length
    ? await prisma.orderLine.groupBy({ by: ["orderPartId"], where: { orderPartId: { in: page.map((p) => p.id) } }, _sum: { quantity: true } })
    : [];
  const unitsOf = new Map(units.map((row) => [row.orderPartId, row._sum.quantity ?? 0]));
  const last = page.at(-1);
  return {
    items: page.map((part) => ({
      id: part.id,
      createdAt: part.createdAt,
      shop: part.seller,
      order: part.order,
      units: unitsOf.get(part.id) ?? 0,
      subtotalMinor: part.subtotalMinor,
      currency: part.currency,
      sellerStatus: part.sellerStatus,
      status: part.status,
      warehouse: part.warehouse ? { name: part.warehouse.name, code: part.warehouse.code } : null,
      ownWarehouse: part.warehouse?.kind === WarehouseKind.SELLER,
    })),
    nextCursor: parts.length > limit && last ? encodeCursor(last) : null,
  };
}

/** The portal: parts of the shops the user is a member of. */
export const listSellerOrderParts = (userId: string, input: ListSellerOrderPartsInput = {}) => listOrderParts({ userId }, input);
