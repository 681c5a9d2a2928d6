// Seller API keys: the credentials scripts use for the Seller REST API.
//
// A key looks like `mk_live_<prefix8>_<secret>`. Only its SHA-256 is stored (unique index), so a
// database leak does not leak working keys; the plaintext is returned once, at creation. A key
// has a high-entropy random secret, so a fast unsalted hash is enough (unlike passwords) and
// lets us find the key by an index lookup instead of comparing against every row.
//
// Scope semantics (documented for the REST API, enforced with `requireScope`):
// - READ: GET on catalogue, prices, stocks and orders.
// - CATALOG_WRITE: create and update products. Does NOT imply READ.
// - STOCK_PRICES_WRITE: bulk price and stock updates. Does NOT imply READ.
// - ORDERS: the fulfilment actions on orders, and reading orders (a script that ships orders
//   must see them), but not the catalogue.
// Write scopes do not imply READ so a "stock sync" key cannot be used to scrape the catalogue;
// the portal's create form suggests ticking READ alongside.
import { createHash, randomBytes } from "node:crypto";
import { ApiScope, getPrisma, SellerStatus } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";

export { ApiScope };

export type ApiKeyPrincipal = { keyId: string; sellerId: string; scopes: ApiScope[] };

/** Every scope, in the order the portal shows them, with what each one allows. */
export const API_SCOPES: readonly { scope: ApiScope; label: string; description: string }[] = [
  { scope: ApiScope.READ, label: "Read", description: "Read products, prices, stock and orders." },
  { scope: ApiScope.CATALOG_WRITE, label: "Write catalogue", description: "Create and update products and their variants." },
  { scope: ApiScope.STOCK_PRICES_WRITE, label: "Write stock and prices", description: "Update prices and stock per warehouse in bulk." },
  { scope: ApiScope.ORDERS, label: "Orders", description: "Read orders, confirm or cancel them and report shipping." },
];

export const MAX_ACTIVE_API_KEYS = 20;
const KEY_PREFIX = "mk_live_";
const PREFIX_LENGTH = 8;
const SECRET_LENGTH = 40;
// Accept only our own format, with a cap so nobody makes us hash megabytes per request.
const KEY_PATTERN = /^mk_live_[A-Za-z0-9]{8}_[A-Za-z0-9]{32,64}$/;
const LAST_USED_RESOLUTION_MS = 60_000;
const UNAUTHORIZED_MESSAGE = "Missing or invalid API key. Send it as 'Authorization: Bearer <key>'.";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniform base62 from crypto.randomBytes (rejection sampling: no modulo bias). */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** A fresh key and what is stored about it. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = `${KEY_PREFIX}${randomBase62(PREFIX_LENGTH)}`;
  const key = `${prefix}_${randomBase62(SECRET_LENGTH)}`;
  return { key, prefix, keyHash: hashKey(key) };
}

/**
 * The key's principal from an `Authorization: Bearer <key>` header. Any problem (no header,
 * another scheme, a malformed, unknown or revoked key) is the same UNAUTHORIZED, so a caller
 * cannot probe which keys exist. A key of a suspended shop is FORBIDDEN.
 */
export async function authenticateApiKey(authorizationHeader: string | null): Promise<ApiKeyPrincipal> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorizationHeader ?? "");
  const key = match?.[1];
  if (!key || !KEY_PATTERN.test(key)) throw new AppError("UNAUTHORIZED", UNAUTHORIZED_MESSAGE);

  const prisma = getPrisma();
  const row = await prisma.sellerApiKey.findUnique({
    where: { keyHash: hashKey(key) },
    select: { id: true, sellerId: true, scopes: true, revokedAt: true, lastUsedAt: true, seller: { select: { status: true } } },
  });
  if (!row || row.revokedAt) throw new AppError("UNAUTHORIZED", UNAUTHORIZED_MESSAGE);
  if (row.seller.status === SellerStatus.SUSPENDED) {
    throw new AppError("FORBIDDEN", "This shop is suspended, so its API keys cannot be used. Contact marketplace support.");
  }

  // Minute resolution is enough for "last used"; writing on every request would turn each API
  // read into a write and serialise concurrent requests of one key on its row.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await prisma.sellerApiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { keyId: row.id, sellerId: row.sellerId, scopes: row.scopes };
}

/** Whether the key holds exactly this scope (no implications; see the header comment). */
export function hasScope(principal: ApiKeyPrincipal, scope: ApiScope): boolean {
  return principal.scopes.includes(scope);
}

/** Throws FORBIDDEN unless the key holds at least one of `anyOf` (e.g. READ or ORDERS to read orders). */
export function requireScope(principal: ApiKeyPrincipal, ...anyOf: [ApiScope, ...ApiScope[]]): void {
  if (anyOf.some((scope) => hasScope(principal, scope))) return;
  const names = anyOf.join(" or ");
  throw new AppError("FORBIDDEN", `This API key does not have the ${names} scope needed for this request.`);
}

// --- managing keys from the portal ----------------------------------------------------------

const sellerIdField = z.uuid("Unknown shop");

export const createApiKeyInput = z.strictObject({
  sellerId: sellerIdField,
  name: z.string().trim().min(1, "Enter a name for the key").max(60, "A key name has at most 60 characters"),
  scopes: z
    .array(z.enum(ApiScope, "Unknown scope"))
    .min(1, "Choose at least one scope")
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope can be chosen only once"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const listApiKeysInput = z.strictObject({ sellerId: sellerIdField });
export type ListApiKeysInput = z.input<typeof listApiKeysInput>;

export const revokeApiKeyInput = z.strictObject({ sellerId: sellerIdField, keyId: z.uuid("Unknown API key") });
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summarySelect = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** NOT_FOUND unless the user is a member of the shop, exactly like a shop that does not exist. */
async function assertMember(userId: string, sellerId: string): Promise<void> {
  const member = await getPrisma().sellerMember.findUnique({ where: { sellerId_userId: { sellerId, userId } }, select: { userId: true } });
  if (!member) throw new AppError("NOT_FOUND", "We could not find that shop.");
}

/** A new key for a shop the user belongs to; the plaintext `key` is returned only here. */
export async function createApiKey(
  userId: string,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: Pick<ApiKeySummary, "id" | "name" | "prefix" | "scopes" | "createdAt"> }> {
  const { sellerId, name, scopes } = createApiKeyInput.parse(input);
  await assertMember(userId, sellerId);
  const generated = generateApiKey();
  const prisma = getPrisma();
  const apiKey = await prisma.$transaction(async (tx) => {
    // Lock the shop row so two concurrent creates cannot both pass the limit check.
    await tx.$queryRaw`SELECT id FROM "Seller" WHERE id = ${sellerId}::uuid FOR UPDATE`;
    const active = await tx.sellerApiKey.count({ where: { sellerId, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_KEYS) {
      throw new AppError("CONFLICT", `A shop can have at most ${MAX_ACTIVE_API_KEYS} active API keys. Revoke a key you no longer use first.`);
    }
    return tx.sellerApiKey.create({
      data: { sellerId, createdById: userId, name, prefix: generated.prefix, keyHash: generated.keyHash, scopes },
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
    });
  });
  return { key: generated.key, apiKey };
}

/** The shop's keys, newest first, active before revoked; never the hash. */
export async function listApiKeys(userId: string, input: ListApiKeysInput): Promise<ApiKeySummary[]> {
  const { sellerId } = listApiKeysInput.parse(input);
  await assertMember(userId, sellerId);
  const keys = await getPrisma().sellerApiKey.findMany({ where: { sellerId }, select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return keys.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Revokes a key of the user's shop; revoking it again is a no-op that returns the same key. */
export async function revokeApiKey(userId: string, input: RevokeApiKeyInput): Promise<ApiKeySummary> {
  const { sellerId, keyId } = revokeApiKeyInput.parse(input);
  await assertMember(userId, sellerId);
  const prisma = getPrisma();
  await prisma.sellerApiKey.updateMany({ where: { id: keyId, sellerId, revokedAt: null }, data: { revokedAt: new Date() } });
  const key = await prisma.sellerApiKey.findFirst({ where: { id: keyId, sellerId }, select: summarySelect });
  if (!key) throw new AppError("NOT_FOUND", "We could not find that API key.");
  return key;
}
