// Seller API keys: created once in plaintext, stored hashed, usable until revoked, and only
// ever managed by members of the shop.
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createSeller, createUser } from "../testing/shop-fixtures.ts";
import { authenticateApiKey, createApiKey, generateApiKey, hasScope, listApiKeys, MAX_ACTIVE_API_KEYS, requireScope, revokeApiKey } from "./api-keys.ts";

const prisma = () => getPrisma();

async function shopWithMember() {
  const seller = await createSeller();
  const member = await createUser("Seller Owner");
  await prisma().user.update({ where: { id: member.id }, data: { role: "SELLER" } });
  await prisma().sellerMember.create({ data: { sellerId: seller.id, userId: member.id } });
  return { seller, member };
}

const bearer = (key: string) => `Bearer ${key}`;

describe("creating and using an API key", () => {
  it("returns a key that authenticates as the shop with its scopes", async () => {
    const { seller, member } = await shopWithMember();
    const created = await createApiKey(member.id, { sellerId: seller.id, name: "  Stock sync  ", scopes: ["READ", "STOCK_PRICES_WRITE"] });

    expect(created.key).toMatch(/^mk_live_[A-Za-z0-9]{8}_[A-Za-z0-9]{32,}$/);
    expect(created.apiKey).toMatchObject({ name: "Stock sync", scopes: ["READ", "STOCK_PRICES_WRITE"] });
    expect(created.key.startsWith(`${created.apiKey.prefix}_`)).toBe(true);
    expect(created.apiKey.prefix).toMatch(/^mk_live_[A-Za-z0-9]{8}$/);

    const principal = await authenticateApiKey(bearer(created.key));
    expect(principal).toEqual({ keyId: created.apiKey.id, sellerId: seller.id, scopes: ["READ", "STOCK_PRICES_WRITE"] });
    expect(hasScope(principal, "READ")).toBe(true);
    expect(hasScope(principal, "CATALOG_WRITE")).toBe(false);
    expect(() => requireScope(principal, "ORDERS")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireScope(principal, "READ", "ORDERS")).not.toThrow();
    // The scheme is case-insensitive (RFC 9110).
    await expect(authenticateApiKey(`bearer ${created.key}`)).resolves.toMatchObject({ sellerId: seller.id });
  });

  it("stores only the hash: the plaintext appears nowhere in the row", async () => {
    const { seller, member } = await shopWithMember();
    const { key, apiKey } = await createApiKey(member.id, { sellerId: seller.id, name: "ERP", scopes: ["READ"] });
    const row = await prisma().sellerApiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    const secret = key.split("_").at(-1)!;
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.createdById).toBe(member.id);
  });

  it("refuses missing, malformed, wrong-scheme, unknown and revoked keys with one message", async () => {
    const { seller, member } = await shopWithMember();
    const { key, apiKey } = await createApiKey(member.id, { sellerId: seller.id, name: "ERP", scopes: ["READ"] });
    const other = await createApiKey(member.id, { sellerId: seller.id, name: "Old", scopes: ["READ"] });
    await revokeApiKey(member.id, { sellerId: seller.id, keyId: other.apiKey.id });

    const headers = [
      null,
      "",
      "Bearer",
      "Bearer ",
      `Basic ${key}`,
      key,
      `Bearer ${key} extra`,
      "Bearer mk_live_short",
      bearer(`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`),
      bearer(generateApiKey().key),
      bearer(`${key}${"a".repeat(100)}`),
      `Bearer ${other.key}`,
    ];
    const messages = new Set<string>();
    for (const header of headers) {
      const error = await authenticateApiKey(header).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, String(header)).toMatchObject({ code: "UNAUTHORIZED" });
      messages.add((error as Error).message);
    }
    expect(messages.size).toBe(1);
    // The good key still works.
    await expect(authenticateApiKey(bearer(key))).resolves.toMatchObject({ keyId: apiKey.id });
  });

  it("refuses a key of a suspended shop", async () => {
    const { seller, member } = await shopWithMember();
    const { key } = await createApiKey(member.id, { sellerId: seller.id, name: "ERP", scopes: ["READ"] });
    await prisma().seller.update({ where: { id: seller.id }, data: { status: "SUSPENDED" } });
    await expect(authenticateApiKey(bearer(key))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("records last use at most once a minute", async () => {
    const { seller, member } = await shopWithMember();
    const { key, apiKey } = await createApiKey(member.id, { sellerId: seller.id, name: "ERP", scopes: ["READ"] });
    const lastUsed = async () => (await prisma().sellerApiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();

    await authenticateApiKey(bearer(key));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await authenticateApiKey(bearer(key));
    expect(await lastUsed()).toEqual(first);

    const longAgo = new Date(Date.now() - 5 * 60_000);
    await prisma().sellerApiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: longAgo } });
    await authenticateApiKey(bearer(key));
    expect((await lastUsed())!.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);

    const [listed] = await listApiKeys(member.id, { sellerId: seller.id });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("managing keys", () => {
  it("lists keys without the hash, active first, and revokes idempotently", async () => {
    const { seller, member } = await shopWithMember();
    const a = await createApiKey(member.id, { sellerId: seller.id, name: "A", scopes: ["READ"] });
    const b = await createApiKey(member.id, { sellerId: seller.id, name: "B", scopes: ["ORDERS", "READ"] });
    const revoked = await revokeApiKey(member.id, { sellerId: seller.id, keyId: a.apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const again = await revokeApiKey(member.id, { sellerId: seller.id, keyId: a.apiKey.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);

    const list = await listApiKeys(member.id, { sellerId: seller.id });
    expect(list.map((k) => k.name)).toEqual(["B", "A"]);
    expect(list[0]).toEqual({ id: b.apiKey.id, name: "B", prefix: b.apiKey.prefix, scopes: ["ORDERS", "READ"], createdAt: expect.any(Date), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(list)).not.toMatch(/keyHash|mk_live_[A-Za-z0-9]{8}_/);
  });

  it("validates the input and refuses extra fields", async () => {
    const { seller, member } = await shopWithMember();
    const base = { sellerId: seller.id, name: "ERP", scopes: ["READ" as const] };
    await expect(createApiKey(member.id, { ...base, name: " " })).rejects.toThrow(/name/);
    await expect(createApiKey(member.id, { ...base, name: "x".repeat(61) })).rejects.toThrow(/60/);
    await expect(createApiKey(member.id, { ...base, scopes: [] })).rejects.toThrow(/at least one scope/);
    await expect(createApiKey(member.id, { ...base, scopes: ["READ", "READ"] })).rejects.toThrow(/only once/);
    await expect(createApiKey(member.id, { ...base, scopes: ["ADMIN" as never] })).rejects.toThrow();
    await expect(createApiKey(member.id, { ...base, keyHash: "0".repeat(64), revokedAt: null } as never)).rejects.toThrow();
    expect(await prisma().sellerApiKey.count({ where: { sellerId: seller.id } })).toBe(0);
  });

  it("allows at most 20 active keys per shop; revoking frees a slot", async () => {
    const { seller, member } = await shopWithMember();
    const created = [];
    for (let i = 0; i < MAX_ACTIVE_API_KEYS; i++) created.push(await createApiKey(member.id, { sellerId: seller.id, name: `Key ${i}`, scopes: ["READ"] }));
    await expect(createApiKey(member.id, { sellerId: seller.id, name: "One too many", scopes: ["READ"] })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/at most 20 active API keys/),
    });
    await revokeApiKey(member.id, { sellerId: seller.id, keyId: created[0]!.apiKey.id });
    await expect(createApiKey(member.id, { sellerId: seller.id, name: "Replacement", scopes: ["READ"] })).resolves.toBeDefined();
  });

  it("a member of another shop cannot create, list or revoke this shop's keys", async () => {
    const mine = await shopWithMember();
    const theirs = await shopWithMember();
    const { apiKey } = await createApiKey(mine.member.id, { sellerId: mine.seller.id, name: "ERP", scopes: ["READ"] });
    const notFound = { code: "NOT_FOUND" };

    await expect(createApiKey(theirs.member.id, { sellerId: mine.seller.id, name: "Sneaky", scopes: ["READ"] })).rejects.toMatchObject(notFound);
    await expect(listApiKeys(theirs.member.id, { sellerId: mine.seller.id })).rejects.toMatchObject(notFound);
    await expect(revokeApiKey(theirs.member.id, { sellerId: mine.seller.id, keyId: apiKey.id })).rejects.toMatchObject(notFound);
    // Naming their own shop but our key: still NOT_FOUND, and our key stays active.
    await expect(revokeApiKey(theirs.member.id, { sellerId: theirs.seller.id, keyId: apiKey.id })).rejects.toMatchObject(notFound);
    // A shop that does not exist looks the same as someone else's.
    await expect(listApiKeys(theirs.member.id, { sellerId: "01900000-0000-7000-8000-000000000000" })).rejects.toMatchObject(notFound);

    const row = await prisma().sellerApiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.revokedAt).toBeNull();
    expect(await prisma().sellerApiKey.count({ where: { sellerId: mine.seller.id } })).toBe(1);
  });
});
