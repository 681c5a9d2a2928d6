// sellers.createShop: only seller accounts may open a shop, and what reaches the form is a field
// message (the domain tests cover the INN, slug and limit rules).
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createUser } from "@market/domain/testing";
import { INN_MESSAGE } from "@market/domain/sellers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { fieldErrors } from "../errors.ts";
import { createCaller } from "../root.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_sellers" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const as = (id: string, role: SessionUser["role"] = "CUSTOMER"): SessionUser => ({ id, email: `${id}@example.com`, name: "Someone", role });
const api = (user: SessionUser | null) =>
  createCaller({ user, requestId: "req-sellers", app: "seller", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

const input = {
  name: "Тёплый Дом",
  legalName: "ИП Иванов И. И.",
  taxId: "500100732259",
  contactEmail: "dom@example.com",
  contactPhone: "8 (912) 345-67-89",
};

describe("sellers.createShop", () => {
  it("asks signed-out callers to sign in and keeps shoppers out", async () => {
    const shopper = await createUser();
    await expect(api(null).sellers.createShop(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(as(shopper.id)).sellers.createShop(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getPrisma().sellerMember.count({ where: { userId: shopper.id } })).toBe(0);
  });

  it("creates the seller's shop, which then appears in myShops", async () => {
    const user = await createUser("Founder");
    const seller = as(user.id, "SELLER");
    const shop = await api(seller).sellers.createShop(input);
    expect(shop).toEqual({ id: expect.any(String), slug: "teplyy-dom", name: "Тёплый Дом" });
    expect(await api(seller).sellers.myShops()).toEqual([
      expect.objectContaining({ id: shop.id, slug: "teplyy-dom", status: "ONBOARDING", _count: { products: 0 } }),
    ]);
  });

  it("returns BAD_REQUEST with a field message, and refuses fields the seller does not own", async () => {
    const user = await createUser("Founder");
    const seller = as(user.id, "SELLER");
    const error = await api(seller)
      .sellers.createShop({ ...input, taxId: "500100732258" })
      .then(() => null, (e: unknown) => e as { code: string; cause: unknown });
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: INN_MESSAGE });
    expect(fieldErrors(error?.cause)).toEqual({ taxId: INN_MESSAGE });

    await expect(api(seller).sellers.createShop({ ...input, status: "ACTIVE", ratingSum: 50 } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getPrisma().sellerMember.count({ where: { userId: user.id } })).toBe(0);
  });
});
