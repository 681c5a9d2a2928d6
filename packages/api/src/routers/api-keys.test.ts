// API key procedures: who may call them, and that a seller only ever touches their own shop's keys
// (the domain tests cover hashing, authentication and limits).
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createSeller, createUser } from "@market/domain/testing";
import { authenticateApiKey } from "@market/domain/sellers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createCaller } from "../root.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_api_keys" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const as = (id: string, role: SessionUser["role"] = "CUSTOMER"): SessionUser => ({ id, email: `${id}@example.com`, name: "Someone", role });
const api = (user: SessionUser | null) =>
  createCaller({ user, requestId: "req-api-keys", app: "seller", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

async function shop() {
  const seller = await createSeller();
  const user = await createUser("Seller Owner");
  await getPrisma().sellerMember.create({ data: { sellerId: seller.id, userId: user.id } });
  return { seller, member: as(user.id, "SELLER") };
}

describe("API key procedures", () => {
  it("ask signed-out callers to sign in and keep shoppers out", async () => {
    const { seller } = await shop();
    const shopper = as((await createUser()).id);
    const keyId = crypto.randomUUID();
    await expect(api(null).apiKeys.list({ sellerId: seller.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).apiKeys.create({ sellerId: seller.id, name: "x", scopes: ["READ"] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).apiKeys.revoke({ sellerId: seller.id, keyId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(shopper).apiKeys.list({ sellerId: seller.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(shopper).apiKeys.create({ sellerId: seller.id, name: "x", scopes: ["READ"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(shopper).apiKeys.revoke({ sellerId: seller.id, keyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("create, list and revoke for the member's own shop", async () => {
    const { seller, member } = await shop();
    const created = await api(member).apiKeys.create({ sellerId: seller.id, name: "Stock sync", scopes: ["READ", "STOCK_PRICES_WRITE"] });
    await expect(authenticateApiKey(`Bearer ${created.key}`)).resolves.toMatchObject({ sellerId: seller.id, scopes: ["READ", "STOCK_PRICES_WRITE"] });

    const list = await api(member).apiKeys.list({ sellerId: seller.id });
    expect(list).toEqual([expect.objectContaining({ id: created.apiKey.id, name: "Stock sync", prefix: created.apiKey.prefix, revokedAt: null })]);
    expect(Object.keys(list[0]!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "scopes"]);

    await api(member).apiKeys.revoke({ sellerId: seller.id, keyId: created.apiKey.id });
    await expect(authenticateApiKey(`Bearer ${created.key}`)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuse another shop's keys as NOT_FOUND and bad input as BAD_REQUEST with field messages", async () => {
    const mine = await shop();
    const theirs = await shop();
    const { apiKey } = await api(mine.member).apiKeys.create({ sellerId: mine.seller.id, name: "ERP", scopes: ["READ"] });

    await expect(api(theirs.member).apiKeys.list({ sellerId: mine.seller.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(theirs.member).apiKeys.create({ sellerId: mine.seller.id, name: "Sneaky", scopes: ["READ"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(theirs.member).apiKeys.revoke({ sellerId: mine.seller.id, keyId: apiKey.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(theirs.member).apiKeys.revoke({ sellerId: theirs.seller.id, keyId: apiKey.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(api(mine.member).apiKeys.create({ sellerId: mine.seller.id, name: "", scopes: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Mass assignment: fields the seller does not own are refused, not silently stored.
    await expect(
      api(mine.member).apiKeys.create({ sellerId: mine.seller.id, name: "ERP 2", scopes: ["READ"], keyHash: "0".repeat(64) } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getPrisma().sellerApiKey.count({ where: { sellerId: mine.seller.id, revokedAt: null } })).toBe(1);
  });
});
