// Where a seller can keep stock: the marketplace's warehouses and the shop's own.
import { getPrisma, WarehouseKind } from "@market/db";
import type { Db } from "../db.ts";
import { resolveSellerId, type ListingAccess } from "./access.ts";

export type ListingWarehouse = { code: string; name: string; city: string; kind: "MARKETPLACE" | "SELLER" };

export function stockableWarehouses(db: Db, sellerId: string) {
  return db.warehouse.findMany({
    where: { OR: [{ kind: WarehouseKind.MARKETPLACE }, { kind: WarehouseKind.SELLER, sellerId }] },
    orderBy: [{ kind: "desc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, city: true, kind: true },
  });
}

export async function listWarehousesForListing(access: ListingAccess): Promise<ListingWarehouse[]> {
  const sellerId = await resolveSellerId(access);
  const rows = await stockableWarehouses(getPrisma(), sellerId);
  return rows.map(({ code, name, city, kind }) => ({ code, name, city, kind }));
}
