// The product file: one row per variant, rows sharing an `article` (the seller's vendor code) make
// one product card. Cards are saved through the listings services, the same ones the portal's
// form and the REST API use, so every rule (categories, characteristics, SKUs unique across the
// marketplace, sanitised descriptions, reserved stock) holds here too. A card whose SKUs already
// exist in the shop is updated (its pictures, colour swatches and stock are kept); otherwise it
// is created as a draft. Saving a card twice gives the same card, which is what makes a chunk
// safe to re-apply after a crash.
import { getPrisma } from "@market/db";
import { AppError, isAppError } from "../errors.ts";
import type { Db } from "../db.ts";
import { createListing, listingInputSchema, updateListing, type ListingInput } from "../listings/index.ts";
import { parsePrice } from "./cells.ts";
import { parseCsv } from "./csv.ts";
import { IMPORT_CHUNK_ROWS } from "./limits.ts";
import type { ImportChunk, ImportPlan } from "./plan.ts";
import type { RowError } from "./types.ts";

export const PRODUCT_COLUMNS = [
  { name: "article", required: true, description: "Your vendor code for the product card; rows with the same article are the card's variants." },
  { name: "category", required: true, description: "Category code (slug), e.g. dresses. Give it on the card's first row." },
  { name: "title", required: true, description: "Product title, 3–150 characters. Give it on the card's first row." },
  { name: "brand", required: false, description: "Brand name." },
  { name: "description", required: false, description: "Description; simple HTML (paragraphs, lists, bold) is kept, anything else removed." },
  { name: "size", required: false, description: "Size of this variant, in categories that have sizes." },
  { name: "color", required: false, description: "Colour name of this variant." },
  { name: "sku", required: true, description: "Your SKU of this variant, unique across the marketplace." },
  { name: "barcode", required: false, description: "EAN-8, EAN-13 or GTIN-14 (8–14 digits)." },
  { name: "price", required: true, description: "The regular price in roubles, e.g. 3990.00." },
  { name: "discount_price", required: false, description: "The price during a discount, lower than price; empty means no discount." },
  { name: "char:<key>", required: false, description: "A characteristic of the category by its key, e.g. char:material. An empty cell clears it; characteristics without a column are kept." },
] as const;

export const PRODUCT_TEMPLATE =
  "article,category,title,brand,description,size,color,sku,barcode,price,discount_price,char:material\n" +
  "ND-100,dresses,Linen summer dress,Nordic Threads,<p>Light linen dress.</p>,S,Sand,ND-100-S-SAND,4600000000017,5990.00,4990.00,Linen\n" +
  "ND-100,,,,,M,Sand,ND-100-M-SAND,4600000000024,5990.00,4990.00,\n";

const FIXED = new Set<string>(PRODUCT_COLUMNS.map((column) => column.name).filter((name) => !name.includes("<")));
const CHAR_PREFIX = "char:";
const isKnown = (name: string) => FIXED.has(name) || (name.startsWith(CHAR_PREFIX) && /^[a-z0-9_-]{1,64}$/.test(name.slice(CHAR_PREFIX.length)));

type Variant = { row: number; size: string | null; color: string | null; sku: string; barcode: string | null; priceMinor: number; compareAtMinor: number | null };
/** One card of the file: its rows and its card fields (from the first row that gives each). */
type Card = {
  article: string;
  rows: number[];
  categorySlug: string;
  title: string;
  brand: string | null;
  description: string;
  /** Only the characteristics that have a column in the file. */
  characteristics: Record<string, string>;
  variants: Variant[];
  /** Row problems found without the database; a card with any is not saved. */
  errors: RowError[];
};

const REQUIRED_HEADERS = ["article", "category", "title", "sku", "price"];

/** Groups the rows into cards, in the order their articles first appear, and checks each row. */
export function planProductCards(content: string | Buffer): { cards: Card[]; totalRows: number; columns: string[]; sample: ImportPlan["sample"] } {
  const parsed = parseCsv(content, {
    knownColumn: isKnown,
    otherKindHint: (columns) => (columns.includes("warehouse") || columns.includes("quantity") ? 'This looks like a stock and price file (it has a "warehouse" or "quantity" column): choose "Stock and prices" as the file\'s contents.' : null),
  });
  const missing = REQUIRED_HEADERS.filter((name) => !parsed.columns.includes(name));
  if (missing.length) throw new AppError("BAD_REQUEST", `The file needs ${missing.length === 1 ? "the column" : "these columns"}: ${missing.join(", ")}.`);
  const charColumns = parsed.columns.filter((name) => name.startsWith(CHAR_PREFIX));

  const cards = new Map<string, Card>();
  const orphanErrors: RowError[] = [];
  for (const { row, cells } of parsed.rows) {
    const article = cells.article ?? "";
    if (article === "") {
      orphanErrors.push({ row, column: "article", message: "Enter the article: it tells which rows make one product card." });
      continue;
    }
    let card = cards.get(article);
    if (!card) {
      card = { article, rows: [], categorySlug: "", title: "", brand: null, description: "", characteristics: {}, variants: [], errors: [] };
      cards.set(article, card);
    }
    card.rows.push(row);
    const fail = (column: string, message: string) => card.errors.push({ row, column, message });

    // Card fields may be repeated on every row (as the export writes them) or given once.
    const cardField = (column: "category" | "title" | "brand" | "description", current: string | null, set: (value: string) => void) => {
      const value = cells[column] ?? "";
      if (value === "") return;
      if (current && current !== value) fail(column, `The ${column} differs from the card's earlier rows (article "${article}").`);
      else set(value);
    };
    cardField("category", card.categorySlug, (value) => (card.categorySlug = value));
    cardField("title", card.title, (value) => (card.title = value));
    cardField("brand", card.brand, (value) => (card.brand = value));
    cardField("description", card.description, (value) => (card.description = value));
    for (const column of charColumns) {
      const key = column.slice(CHAR_PREFIX.length);
      const value = cells[column] ?? "";
      if (value !== "" && card.characteristics[key] && card.characteristics[key] !== value) fail(column, `The value differs from the card's earlier rows (article "${article}").`);
      else if (value !== "" || !(key in card.characteristics)) card.characteristics[key] = value;
    }

    const sku = cells.sku ?? "";
    if (sku === "") fail("sku", "Enter the SKU.");
    const regular = parsePrice(cells.price ?? "", "price");
    const discountCell = cells.discount_price ?? "";
    const discount = discountCell !== "" ? parsePrice(discountCell, "discount price") : null;
    if (!regular.ok) fail("price", regular.message);
    if (discount && !discount.ok) fail("discount_price", discount.message);
    if (regular.ok && discount?.ok && discount.value >= regular.value) fail("discount_price", "The discount price must be lower than the price.");
    if (sku && regular.ok && (!discount || discount.ok)) {
      card.variants.push({
        row,
        sku,
        size: (cells.size ?? "") || null,
        color: (cells.color ?? "") || null,
        barcode: (cells.barcode ?? "") || null,
        priceMinor: discount?.ok ? discount.value : regular.value,
        compareAtMinor: discount?.ok ? regular.value : null,
      });
    }
  }
  for (const card of cards.values()) {
    if (!card.categorySlug) card.errors.push({ row: card.rows[0]!, column: "category", message: `Enter the category on the first row of article "${card.article}".` });
    if (!card.title) card.errors.push({ row: card.rows[0]!, column: "title", message: `Enter the title on the first row of article "${card.article}".` });
  }
  const all = [...cards.values()];
  if (orphanErrors.length) all.unshift({ article: "", rows: orphanErrors.map((error) => error.row), categorySlug: "", title: "", brand: null, description: "", characteristics: {}, variants: [], errors: orphanErrors });
  return { cards: all, totalRows: parsed.rows.length, columns: parsed.columns, sample: parsed.rows.slice(0, 10) };
}

/** A listing field path ("variants.2.priceMinor") as the CSV row and column it came from. */
function locate(card: Card, field: string): { row: number; column: string } {
  const parts = field.split(".");
  if (parts[0] === "variants" && parts[1] !== undefined) {
    const variant = card.variants[Number(parts[1])];
    const leaf = parts.at(-1) ?? "";
    const column = leaf === "priceMinor" ? (variant?.compareAtMinor ? "discount_price" : "price") : leaf === "compareAtMinor" ? "price" : leaf === "warehouseCode" || leaf === "quantity" ? "sku" : leaf;
    return { row: variant?.row ?? card.rows[0]!, column };
  }
  if (parts[0] === "characteristics" && parts[1]) return { row: card.rows[0]!, column: `${CHAR_PREFIX}${parts[1]}` };
  const column = { categoryId: "category", title: "title", brand: "brand", description: "description" }[parts[0] ?? ""] ?? "article";
  return { row: card.rows[0]!, column };
}

type Existing = {
  id: string;
  currency: ListingInput["currency"];
  images: { storageKey: string; alt: string }[];
  characteristics: Record<string, string>;
  colorHexBySku: Map<string, string | null>;
};

/** The shop's card these SKUs belong to, or an error when they span several cards. */
async function findExisting(db: Db, sellerId: string, card: Card): Promise<{ existing: Existing | null; error?: RowError }> {
  const owned = await db.productVariant.findMany({
    where: { sku: { in: card.variants.map((variant) => variant.sku), mode: "insensitive" }, product: { sellerId } },
    select: { productId: true },
  });
  const productIds = [...new Set(owned.map((row) => row.productId))];
  if (productIds.length === 0) return { existing: null };
  if (productIds.length > 1) {
    return { existing: null, error: { row: card.rows[0]!, column: "sku", message: `The SKUs of article "${card.article}" belong to ${productIds.length} different products in your shop; one article is one product card.` } };
  }
  const product = await db.product.findUniqueOrThrow({
    where: { id: productIds[0]! },
    select: {
      id: true,
      currency: true,
      images: { orderBy: { position: "asc" }, select: { storageKey: true, alt: true } },
      characteristics: { select: { value: true, characteristic: { select: { key: true } } } },
      variants: { select: { sku: true, colorHex: true } },
    },
  });
  return {
    existing: {
      id: product.id,
      currency: product.currency,
      images: product.images,
      characteristics: Object.fromEntries(product.characteristics.flatMap((row) => (row.characteristic ? [[row.characteristic.key, row.value]] : []))),
      colorHexBySku: new Map(product.variants.map((variant) => [variant.sku.toLowerCase(), variant.colorHex])),
    },
  };
}

/** The card as the listings services take it, or the rows' problems. */
async function toListingInput(db: Db, sellerId: string, card: Card): Promise<{ input?: ListingInput; existing?: Existing | null; errors: RowError[] }> {
  if (card.errors.length) return { errors: card.errors };
  const category = await db.category.findUnique({ where: { slug: card.categorySlug }, select: { id: true } });
  if (!category) return { errors: [{ row: card.rows[0]!, column: "category", message: `There is no category "${card.categorySlug}". Use a category code from the list on this page.` }] };
  const { existing, error } = await findExisting(db, sellerId, card);
  if (error) return { errors: [error] };
  const input: ListingInput = {
    categoryId: category.id,
    title: card.title,
    brand: card.brand,
    description: card.description,
    currency: existing?.currency ?? "RUB",
    characteristics: { ...(existing?.characteristics ?? {}), ...card.characteristics },
    images: existing?.images ?? [],
    variants: card.variants.map((variant) => ({
      sku: variant.sku,
      size: variant.size,
      color: variant.color,
      colorHex: existing?.colorHexBySku.get(variant.sku.toLowerCase()) ?? null,
      barcode: variant.barcode,
      priceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
    })),
  };
  const parsed = listingInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ ...locate(card, issue.path.join(".")), message: issue.message }));
    return { errors };
  }
  return { input, existing, errors: [] };
}

async function saveCard(sellerId: string, card: Card): Promise<RowError[]> {
  const { input, existing, errors } = await toListingInput(getPrisma(), sellerId, card);
  if (!input) return errors;
  try {
    if (existing) await updateListing({ sellerId }, existing.id, input);
    else await createListing({ sellerId }, input);
    return [];
  } catch (error) {
    if (!isAppError(error) || (error.code !== "BAD_REQUEST" && error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
    const fields = Object.entries(error.details?.fields ?? {});
    if (fields.length === 0) return [{ row: card.rows[0]!, column: "article", message: error.message }];
    return fields.map(([field, message]) => ({ ...locate(card, field), message }));
  }
}

/** Whole cards per chunk (a card is never split), about IMPORT_CHUNK_ROWS rows each. */
export function productPlan(content: string | Buffer): ImportPlan {
  const { cards, totalRows, columns, sample } = planProductCards(content);
  const groups: Card[][] = [];
  let current: Card[] = [];
  let rows = 0;
  for (const card of cards) {
    current.push(card);
    rows += card.rows.length;
    if (rows >= IMPORT_CHUNK_ROWS) {
      groups.push(current);
      current = [];
      rows = 0;
    }
  }
  if (current.length) groups.push(current);

  const chunks: ImportChunk[] = groups.map((group) => ({
    rowNumbers: group.flatMap((card) => card.rows),
    knownErrors: group.flatMap((card) => card.errors),
    check: async (db, sellerId) => {
      const errors: RowError[] = [];
      for (const card of group) if (!card.errors.length) errors.push(...(await toListingInput(db, sellerId, card)).errors);
      return errors;
    },
    mode: "own-transactions",
    apply: async (sellerId) => {
      const errors: RowError[] = [];
      for (const card of group) if (!card.errors.length) errors.push(...(await saveCard(sellerId, card)));
      return errors;
    },
  }));
  return { totalRows, columns, sample, chunks };
}
