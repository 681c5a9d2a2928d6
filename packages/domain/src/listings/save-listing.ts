// Creating and editing a product card: the product, its variants (one per size × colour), stock
// per warehouse, characteristics and pictures, written in one transaction with the search index
// sync queued in it, so the storefront follows every committed change and never a refused one.
//
// Problems are collected per field ("variants.2.sku", keyed like zod's paths) and reported all
// at once, so the portal can show each message next to its field and a script can fix its input.
import { randomBytes } from "node:crypto";
import { getPrisma, Prisma, type CharacteristicType, type ProductStatus } from "@market/db";
import { ZodError } from "zod";
import { AppError } from "../errors.ts";
import { describeStoredImage } from "../files/index.ts";
import { enqueueSearchSync } from "../search/index.ts";
import { slugFromName } from "../sellers/create-shop.ts";
import { assertProductId, PRODUCT_NOT_FOUND, resolveSellerId, type ListingAccess } from "./access.ts";
import { CATEGORY_NOT_FOUND } from "./categories.ts";
import { publishProblems } from "./publish-rules.ts";
import { listingInputSchema, type ListingInput, type ListingStatus, type ParsedListingInput } from "./schemas.ts";
import { stockableWarehouses } from "./warehouses.ts";

type Tx = Prisma.TransactionClient;

export type SavedListing = { id: string; slug: string; status: ListingStatus };

/** Field problems, first message per field wins. */
export class FieldErrors {
  readonly fields: Record<string, string> = {};
  add(field: string, message: string): void {
    this.fields[field] ??= message;
  }
  throwIfAny(): void {
    const messages = Object.values(this.fields);
    if (messages.length === 0) return;
    const message = messages.length === 1 ? messages[0]! : `${messages.length} fields need your attention. ${messages[0]}`;
    throw new AppError("BAD_REQUEST", message, { fields: this.fields });
  }
}

/** zod's issues as the same field map as the service's own checks. */
export function parseListingInput(input: unknown): ParsedListingInput {
  try {
    return listingInputSchema.parse(input);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const errors = new FieldErrors();
    for (const issue of error.issues) errors.add(issue.path.join(".") || "form", issue.message);
    errors.throwIfAny();
    throw error;
  }
}

const BOOLEAN_TRUE = new Set(["yes", "true", "1", "да"]);
const BOOLEAN_FALSE = new Set(["no", "false", "0", "нет"]);

/** A characteristic value as stored (text; booleans as "Yes"/"No", like the seeded catalogue). */
export function normaliseCharacteristic(
  definition: { name: string; type: CharacteristicType; options: string[] },
  raw: string | number | boolean | null,
): { value: string | null; error?: string } {
  if (raw === null || raw === "") return { value: null };
  switch (definition.type) {
    case "BOOLEAN": {
      if (typeof raw === "boolean") return { value: raw ? "Yes" : "No" };
      const text = String(raw).trim().toLowerCase();
      if (BOOLEAN_TRUE.has(text)) return { value: "Yes" };
      if (BOOLEAN_FALSE.has(text)) return { value: "No" };
      return { value: null, error: `${definition.name}: choose Yes or No` };
    }
    case "NUMBER": {
      const text = String(raw).trim().replace(",", ".");
      if (typeof raw === "boolean" || !/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(Number(text))) return { value: null, error: `${definition.name} must be a number` };
      if (definition.options.length > 0 && !definition.options.includes(text)) {
        return { value: null, error: `${definition.name} must be one of: ${definition.options.join(", ")}` };
      }
      return { value: text };
    }
    case "ENUM": {
      const text = String(raw).trim();
      const match = definition.options.find((option) => option.toLowerCase() === text.toLowerCase());
      if (!match) return { value: null, error: `${definition.name} must be one of: ${definition.options.join(", ")}` };
      return { value: match };
    }
    case "TEXT":
      if (typeof raw !== "string") return { value: null, error: `${definition.name} must be text` };
      return { value: raw.trim() };
  }
}

const comboKey = (size: string | null, color: string | null) => `${(size ?? "").toLowerCase()}\u0000${(color ?? "").toLowerCase()}`;
const describeCombo = (size: string | null, color: string | null) => [size && `size ${size}`, color && `colour ${color}`].filter(Boolean).join(", ") || "no size or colour";

/** The cheapest active price (the card's "from" price), or the cheapest at all when none is active. */
export function minPriceOf(variants: readonly { priceMinor: number; isActive: boolean }[]): number | null {
  const active = variants.filter((variant) => variant.isActive);
  const pool = active.length > 0 ? active : variants;
  return pool.length > 0 ? Math.min(...pool.map((variant) => variant.priceMinor)) : null;
}

async function productSlug(tx: Tx, title: string): Promise<string> {
  const base = (slugFromName(title) || "product").slice(0, 80).replace(/-+$/g, "");
  for (;;) {
    // Titles repeat across shops; a random tail keeps their slugs apart and stable (an edited
    // title keeps its URL), and the lookup catches the rare collision.
    const slug = `${base}-${randomBytes(4).toString("hex")}`;
    if (!(await tx.product.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

type ExistingVariant = { id: string; sku: string; size: string | null; color: string | null; isActive: boolean };

type Prepared = {
  characteristics: { characteristicId: string; name: string; value: string; position: number }[];
  images: { storageKey: string; alt: string; width: number | null; height: number | null; position: number }[];
  warehouseIdByCode: Map<string, string>;
};

/** Every check that needs no lock: category, characteristics, combos, warehouses, images. */
async function prepare(tx: Tx, sellerId: string, data: ParsedListingInput, errors: FieldErrors, images: Prepared["images"]): Promise<Prepared> {
  const category = await tx.category.findUnique({
    where: { id: data.categoryId },
    select: {
      name: true,
      hasSizes: true,
      _count: { select: { children: true } },
      characteristics: { orderBy: [{ position: "asc" }, { key: "asc" }], select: { id: true, key: true, name: true, type: true, options: true, position: true } },
    },
  });
  const characteristics: Prepared["characteristics"] = [];
  if (!category || category._count.children > 0) {
    errors.add("categoryId", CATEGORY_NOT_FOUND);
  } else {
    const byKey = new Map(category.characteristics.map((row) => [row.key, row]));
    for (const [key, raw] of Object.entries(data.characteristics)) {
      const definition = byKey.get(key);
      if (!definition) {
        if (raw !== null && raw !== "") errors.add(`characteristics.${key}`, `${category.name} has no characteristic "${key}"`);
        continue;
      }
      const { value, error } = normaliseCharacteristic(definition, raw);
      if (error) errors.add(`characteristics.${key}`, error);
      else if (value !== null) characteristics.push({ characteristicId: definition.id, name: definition.name, value, position: definition.position });
    }
    data.variants.forEach((variant, index) => {
      if (variant.size && !category.hasSizes) errors.add(`variants.${index}.size`, `Products in ${category.name} have no sizes: leave the size empty`);
    });
  }

  const skuSeen = new Map<string, number>();
  const comboSeen = new Map<string, number>();
  data.variants.forEach((variant, index) => {
    const sku = variant.sku.toLowerCase();
    const earlierSku = skuSeen.get(sku);
    if (earlierSku !== undefined) errors.add(`variants.${index}.sku`, `SKU "${variant.sku}" appears twice in this product (also in row ${earlierSku + 1})`);
    else skuSeen.set(sku, index);
    const combo = comboKey(variant.size, variant.color);
    const earlierCombo = comboSeen.get(combo);
    if (earlierCombo !== undefined) errors.add(`variants.${index}.size`, `Only one SKU per size and colour: ${describeCombo(variant.size, variant.color)} is also in row ${earlierCombo + 1}`);
    else comboSeen.set(combo, index);
  });

  const warehouses = await stockableWarehouses(tx, sellerId);
  const warehouseIdByCode = new Map(warehouses.map((row) => [row.code, row.id]));
  data.variants.forEach((variant, index) => {
    const seen = new Set<string>();
    variant.stocks.forEach((stock, stockIndex) => {
      const field = `variants.${index}.stocks.${stockIndex}.warehouseCode`;
      if (!warehouseIdByCode.has(stock.warehouseCode)) errors.add(field, `Warehouse "${stock.warehouseCode}" is not one you can keep stock in: use a marketplace warehouse or one of your own.`);
      else if (seen.has(stock.warehouseCode)) errors.add(field, `Warehouse "${stock.warehouseCode}" is listed twice for SKU "${variant.sku}"`);
      seen.add(stock.warehouseCode);
    });
  });

  return { characteristics, images, warehouseIdByCode };
}

type KnownImage = { storageKey: string; width: number | null; height: number | null };

/**
 * New image keys must be this shop's uploads; their size is recorded for the storefront's layout.
 * Pictures the product already has stay acceptable whatever their key (the seeded catalogue's,
 * an import's), so editing a card never requires uploading its pictures again.
 */
async function describeImages(sellerId: string, data: ParsedListingInput, errors: FieldErrors, current: readonly KnownImage[] = []): Promise<Prepared["images"]> {
  const seen = new Set<string>();
  const known = new Map(current.map((image) => [image.storageKey, image]));
  const described = await Promise.all(data.images.map((image) => known.get(image.storageKey) ?? describeStoredImage(sellerId, image.storageKey, "product")));
  const images: Prepared["images"] = [];
  data.images.forEach((image, index) => {
    const stored = described[index];
    if (!stored) return errors.add(`images.${index}.storageKey`, "This image was not found among your uploads. Upload it again.");
    if (seen.has(stored.storageKey)) return errors.add(`images.${index}.storageKey`, "This image is already in the gallery");
    seen.add(stored.storageKey);
    images.push({ storageKey: stored.storageKey, alt: image.alt, width: stored.width, height: stored.height, position: images.length });
  });
  return images;
}

/** SKUs are unique across the marketplace (the REST API and warehouse lists address goods by SKU). */
async function checkSkusFree(tx: Tx, productId: string | null, data: ParsedListingInput, errors: FieldErrors): Promise<void> {
  const taken = await tx.productVariant.findMany({
    where: { sku: { in: data.variants.map((variant) => variant.sku), mode: "insensitive" }, ...(productId ? { productId: { not: productId } } : {}) },
    select: { sku: true },
  });
  const takenSet = new Set(taken.map((row) => row.sku.toLowerCase()));
  data.variants.forEach((variant, index) => {
    if (takenSet.has(variant.sku.toLowerCase())) errors.add(`variants.${index}.sku`, `SKU "${variant.sku}" is already used by another product. Choose a different SKU.`);
  });
}

/** Variant rows and their stock, given the product's existing variants (none for a new one). */
async function writeVariants(
  tx: Tx,
  productId: string,
  data: ParsedListingInput,
  existing: ExistingVariant[],
  warehouseIdByCode: Map<string, string>,
  errors: FieldErrors,
): Promise<void> {
  const existingBySku = new Map(existing.map((row) => [row.sku.toLowerCase(), row]));
  const kept = new Set(data.variants.map((variant) => variant.sku.toLowerCase()));
  const retired = existing.filter((row) => !kept.has(row.sku.toLowerCase()));

  // A retired SKU keeps its size and colour (order lines show them), so a new SKU cannot take them.
  const retiredByCombo = new Map(retired.map((row) => [comboKey(row.size, row.color), row]));
  data.variants.forEach((variant, index) => {
    const holder = retiredByCombo.get(comboKey(variant.size, variant.color));
    if (holder && (variant.size !== null || variant.color !== null)) {
      errors.add(`variants.${index}.sku`, `${describeCombo(variant.size, variant.color)} belongs to SKU "${holder.sku}", which is no longer in this product. Use SKU "${holder.sku}" for it again.`);
    }
  });

  // Stock may not go below the units reserved for orders (the same rule as the stock API).
  const matched = data.variants.flatMap((variant, index) => {
    const row = existingBySku.get(variant.sku.toLowerCase());
    return row ? [{ variant, index, row }] : [];
  });
  const matchedIds = matched.map((entry) => entry.row.id);
  const locked = matchedIds.length
    ? await tx.$queryRaw<{ variantId: string; warehouseId: string; reserved: number }[]>`
        SELECT "variantId", "warehouseId", reserved FROM "Stock"
         WHERE "variantId" = ANY(${matchedIds}::uuid[])
         ORDER BY "variantId", "warehouseId"
         FOR UPDATE`
    : [];
  const reservedOf = new Map(locked.map((row) => [`${row.variantId}|${row.warehouseId}`, row.reserved]));
  for (const { variant, index, row } of matched) {
    variant.stocks.forEach((stock, stockIndex) => {
      const warehouseId = warehouseIdByCode.get(stock.warehouseCode);
      const reserved = warehouseId ? (reservedOf.get(`${row.id}|${warehouseId}`) ?? 0) : 0;
      if (stock.quantity < reserved) {
        errors.add(
          `variants.${index}.stocks.${stockIndex}.quantity`,
          `${reserved} units of SKU "${variant.sku}" in warehouse "${stock.warehouseCode}" are reserved for orders, so the stock cannot be below ${reserved}.`,
        );
      }
    });
  }
  errors.throwIfAny();

  if (retired.length > 0) {
    await tx.productVariant.updateMany({ where: { id: { in: retired.map((row) => row.id) } }, data: { isActive: false } });
  }
  // Sizes and colours may move between kept SKUs (S↔M); clearing the moving ones first keeps the
  // (product, size, colour) constraint satisfied at every step (NULLs never collide).
  const moving = matched.filter(({ variant, row }) => variant.size !== row.size || variant.color !== row.color);
  if (moving.length > 0) {
    await tx.productVariant.updateMany({ where: { id: { in: moving.map((entry) => entry.row.id) } }, data: { size: null, color: null } });
  }

  const variantIds: string[] = [];
  for (const [position, variant] of data.variants.entries()) {
    const fields = {
      size: variant.size,
      color: variant.color,
      colorHex: variant.colorHex,
      barcode: variant.barcode,
      priceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
      currency: data.currency,
      isActive: variant.isActive,
      position,
    };
    const row = existingBySku.get(variant.sku.toLowerCase());
    if (row) {
      await tx.productVariant.update({ where: { id: row.id }, data: { ...fields, sku: variant.sku }, select: { id: true } });
      variantIds.push(row.id);
    } else {
      variantIds.push((await tx.productVariant.create({ data: { ...fields, productId, sku: variant.sku }, select: { id: true } })).id);
    }
  }

  const stockRows = data.variants.flatMap((variant, index) =>
    variant.stocks.map((stock) => ({ variantId: variantIds[index]!, warehouseId: warehouseIdByCode.get(stock.warehouseCode)!, quantity: stock.quantity })),
  );
  if (stockRows.length > 0) {
    // Only onHand is the seller's; reserved belongs to checkout and is never touched here.
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "Stock" ("variantId", "warehouseId", "onHand", reserved, "updatedAt")
      SELECT x."variantId", x."warehouseId", x."onHand", 0, now()
        FROM unnest(${stockRows.map((r) => r.variantId)}::uuid[], ${stockRows.map((r) => r.warehouseId)}::uuid[], ${stockRows.map((r) => r.quantity)}::int[])
             AS x("variantId", "warehouseId", "onHand")
       ORDER BY x."variantId", x."warehouseId"
      ON CONFLICT ("variantId", "warehouseId") DO UPDATE SET "onHand" = excluded."onHand", "updatedAt" = now()`);
  }
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A race with another save that took one of the SKUs between our check and our insert. */
function translateConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("CONFLICT", "One of these SKUs was taken by another product a moment ago. Check the SKUs and save again.");
  }
  throw error;
}

/** A new product in DRAFT: nothing is shown to shoppers until it is published. */
export async function createListing(access: ListingAccess, input: ListingInput): Promise<SavedListing> {
  const sellerId = await resolveSellerId(access);
  const data = parseListingInput(input);
  const errors = new FieldErrors();
  const images = await describeImages(sellerId, data, errors);

  try {
    return await getPrisma().$transaction(async (tx) => {
      const prepared = await prepare(tx, sellerId, data, errors, images);
      await checkSkusFree(tx, null, data, errors);
      errors.throwIfAny();

      const product = await tx.product.create({
        data: {
          sellerId,
          categoryId: data.categoryId,
          slug: await productSlug(tx, data.title),
          title: data.title,
          brand: data.brand,
          description: data.description,
          currency: data.currency,
          status: "DRAFT",
          minPriceMinor: minPriceOf(data.variants.map((variant) => ({ priceMinor: variant.priceMinor, isActive: variant.isActive }))),
          characteristics: { create: prepared.characteristics },
          images: { create: prepared.images },
        },
        select: { id: true, slug: true, status: true },
      });
      await writeVariants(tx, product.id, data, [], prepared.warehouseIdByCode, errors);
      // A draft is not listed, but the sync is what removes nothing and keeps the rule simple:
      // every catalogue write queues it.
      await enqueueSearchSync(tx, [product.id]);
      return product;
    });
  } catch (error) {
    translateConflict(error);
  }
}

/**
 * Replaces the card's content. Variants are matched by SKU: new SKUs are added, SKUs left out are
 * deactivated (never deleted: order lines point at them), stock is set per warehouse given.
 * An active product must stay publishable; otherwise unpublish it first.
 */
export async function updateListing(access: ListingAccess, productId: string, input: ListingInput): Promise<SavedListing> {
  const sellerId = await resolveSellerId(access);
  assertProductId(productId);
  const data = parseListingInput(input);
  const errors = new FieldErrors();
  const current = await getPrisma().productImage.findMany({ where: { product: { id: productId, sellerId } }, select: { storageKey: true, width: true, height: true } });
  const images = await describeImages(sellerId, data, errors, current);

  try {
    return await getPrisma().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string; status: ProductStatus }[]>`
        SELECT id, status FROM "Product" WHERE id = ${productId}::uuid AND "sellerId" = ${sellerId}::uuid FOR UPDATE`;
      const current = locked[0];
      if (!current) throw new AppError("NOT_FOUND", PRODUCT_NOT_FOUND);

      const prepared = await prepare(tx, sellerId, data, errors, images);
      await checkSkusFree(tx, productId, data, errors);
      if (current.status === "ACTIVE") {
        const problems = await publishProblems(tx, {
          categoryId: data.categoryId,
          hasActiveVariant: data.variants.some((variant) => variant.isActive),
          imageCount: prepared.images.length,
          characteristicIds: prepared.characteristics.map((row) => row.characteristicId),
        });
        for (const problem of problems) errors.add(problem.field, `${problem.message} (the product is on sale: unpublish it first to save it like this)`);
      }
      const existing = await tx.productVariant.findMany({ where: { productId }, select: { id: true, sku: true, size: true, color: true, isActive: true } });
      errors.throwIfAny();

      await writeVariants(tx, productId, data, existing, prepared.warehouseIdByCode, errors);
      const variants = await tx.productVariant.findMany({ where: { productId }, select: { priceMinor: true, isActive: true } });
      await tx.productCharacteristic.deleteMany({ where: { productId } });
      await tx.productImage.deleteMany({ where: { productId } });
      const product = await tx.product.update({
        where: { id: productId },
        data: {
          categoryId: data.categoryId,
          title: data.title,
          brand: data.brand,
          description: data.description,
          currency: data.currency,
          minPriceMinor: minPriceOf(variants),
          characteristics: { create: prepared.characteristics },
          images: { create: prepared.images },
        },
        select: { id: true, slug: true, status: true },
      });
      await enqueueSearchSync(tx, [productId]);
      return product;
    });
  } catch (error) {
    translateConflict(error);
  }
}
