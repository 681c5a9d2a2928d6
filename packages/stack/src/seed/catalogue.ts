// Builds the whole demo catalogue in memory, without touching the database, so it can be
// tested on its own and inserted with a handful of bulk statements.
//
// Everything is derived from seeded random streams (random.ts): the same code produces the same
// sellers, products, prices, SKUs and pictures on every machine. Only the dates move: they are
// relative to `now`, so "new arrivals" stay new. Ids are UUIDv7 made from the row's creation
// time plus seeded random bits, which keeps them time-ordered like the app's own ids and lets
// the generator link rows (variant -> product) before anything is inserted.
import {
  DEPARTMENTS,
  DESCRIPTIONS,
  SELLERS,
  colour,
  sizesOf,
  type CharacteristicDef,
  type Colour,
  type ColourCode,
  type LeafCategoryDef,
  type ProductTypeDef,
  type SellerDef,
  type SizeChart,
} from "./catalogue-content.ts";
import { IMAGE_HEIGHT, IMAGE_WIDTH, type ProductImageSpec } from "./images.ts";
import { buildPickupPoints, type PickupPointDef } from "./pickup-points.ts";
import { Rng } from "./random.ts";
import { MARKETPLACE_WAREHOUSES } from "./warehouses.ts";

export const DEFAULT_PRODUCT_COUNT = 2400;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Products were created over this many days before `now`. */
const CATALOGUE_AGE_DAYS = 120;

// ---------------------------------------------------------------------------
// Row shapes (what createMany receives)
// ---------------------------------------------------------------------------

export type ProductStatus = "ACTIVE" | "DRAFT" | "INACTIVE";

export interface SellerRow {
  id: string;
  slug: string;
  name: string;
  legalName: string;
  taxId: string;
  contactEmail: string;
  contactPhone: string;
  description: string;
  status: "ACTIVE";
  ratingSum: number;
  ratingCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface WarehouseRow {
  id: string;
  code: string;
  name: string;
  kind: "MARKETPLACE" | "SELLER";
  sellerId: string | null;
  city: string;
  address: string;
  latitude: number;
  longitude: number;
  createdAt: Date;
}

export interface CategoryRow {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  nameRu: string;
  path: string;
  depth: number;
  position: number;
  hasSizes: boolean;
  sizeChart?: SizeChart;
  createdAt: Date;
}

export interface CategoryCharacteristicRow {
  id: string;
  categoryId: string;
  key: string;
  name: string;
  nameRu: string;
  type: CharacteristicDef["type"];
  unit: string | null;
  options: string[];
  required: boolean;
  filterable: boolean;
  position: number;
}

export interface ProductRow {
  id: string;
  sellerId: string;
  categoryId: string;
  slug: string;
  title: string;
  description: string;
  brand: string;
  status: ProductStatus;
  currency: "RUB";
  minPriceMinor: number;
  ratingSum: number;
  ratingCount: number;
  soldCount: number;
  popularity: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductCharacteristicRow {
  id: string;
  productId: string;
  characteristicId: string;
  name: string;
  value: string;
  position: number;
}

export interface VariantRow {
  id: string;
  productId: string;
  sku: string;
  barcode: string;
  size: string | null;
  color: string;
  colorHex: string;
  priceMinor: number;
  compareAtMinor: number | null;
  currency: "RUB";
  isActive: boolean;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StockRow {
  variantId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  shelfLocation: string;
  updatedAt: Date;
}

export interface ProductImageRow {
  id: string;
  productId: string;
  storageKey: string;
  alt: string;
  width: number;
  height: number;
  position: number;
}

export interface PickupPointRow extends PickupPointDef {
  id: string;
  isActive: boolean;
  createdAt: Date;
}

export interface ImageFile {
  /** Relative to the file store root, e.g. "products/<id>/1.svg". */
  storageKey: string;
  spec: ProductImageSpec;
}

export interface DemoCatalogue {
  sellers: SellerRow[];
  warehouses: WarehouseRow[];
  categories: CategoryRow[];
  categoryCharacteristics: CategoryCharacteristicRow[];
  products: ProductRow[];
  productCharacteristics: ProductCharacteristicRow[];
  variants: VariantRow[];
  stock: StockRow[];
  images: ProductImageRow[];
  imageFiles: ImageFile[];
  pickupPoints: PickupPointRow[];
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** One id stream per table, so adding rows to one table never changes another table's ids. */
export class IdMint {
  private readonly rng: Rng;
  constructor(table: string) {
    this.rng = Rng.for("ids", table);
  }
  next(createdAt: Date): string {
    return this.rng.uuidV7(createdAt.getTime());
  }
}

/** EAN-13 check digit (GS1: weights 1 and 3 alternating from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got ${first12}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** A ten-digit Russian company tax number (INN) with a valid check digit. */
function companyInn(rng: Rng, region: string): string {
  const digits = region + Array.from({ length: 7 }, () => rng.int(0, 9)).join("");
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return digits + String((sum % 11) % 10);
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Six base-36 characters, unique per serial (multiplying by an odd number coprime to 3
 *  permutes 0..36^6-1), so slugs never collide yet do not read as a counter. */
export function shortId(serial: number): string {
  const space = 36 ** 6;
  return ((serial * 2_654_435_761) % space).toString(36).padStart(6, "0");
}

/** A shop price in roubles: ends in 90 or 00 (490, 2 490, 12 500, 34 990). */
function retailRub(value: number, rng: Rng): number {
  if (value < 1000) return Math.max(90, Math.round(value / 100) * 100 - 10);
  const step = value >= 20_000 ? 1000 : 100;
  const rounded = Math.max(step, Math.round(value / step) * step);
  return rng.chance(0.6) ? rounded - 10 : rounded;
}

/** The crossed-out price for a `percent` discount, in shop-price form, and kept within 10-60 %
 *  after rounding (a "−6 %" badge looks like a bug, and the database wants it above the price). */
export function compareAtRub(priceRub: number, percent: number, rng: Rng): number {
  const step = priceRub >= 20_000 ? 1000 : 100;
  let compareAt = retailRub(priceRub / (1 - percent / 100), rng);
  while (compareAt * 0.9 < priceRub) compareAt += step;
  while (compareAt * 0.4 > priceRub) compareAt -= step;
  return compareAt;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Lower-cases a value for use inside a sentence, but keeps acronyms (EVA, TPE, USB) and countries. */
function inSentence(key: string, value: string): string {
  if (key === "country") return value;
  return value.replace(/[A-Za-z][a-z]+/g, (word) => word.toLowerCase());
}

/** "Jeans", "Sneakers", "Earbuds" — but not "Dress" or "Lip Gloss". */
const isPlural = (typeName: string) => /[^s]s$/.test(typeName);

function fillTemplate(template: string, vars: Record<string, string>): string {
  const filled = template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`description template needs {${key}}: ${template}`);
    return value;
  });
  // "a elegant" -> "an elegant" (placeholders are lower-cased, so "a USB-C cable" stays);
  // every sentence starts with a capital.
  const articles = filled.replace(/\b([Aa]) (?=[aeiou])/g, "$1n ");
  return articles.charAt(0).toUpperCase() + articles.slice(1);
}

// ---------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------

interface LeafContext {
  leaf: LeafCategoryDef;
  department: string;
  categoryId: string;
  /** Characteristic key -> row, for linking product values. */
  characteristics: Map<string, CategoryCharacteristicRow>;
  offers: { seller: SellerDef; brands: readonly string[]; share: number }[];
}

function leafOptions(leaf: LeafCategoryDef, def: CharacteristicDef): string[] {
  if (def.type !== "ENUM") return [];
  const options = [...(def.options ?? [])];
  for (const type of leaf.types) {
    for (const value of type.values?.[def.key] ?? []) if (!options.includes(value)) options.push(value);
  }
  return options;
}

function characteristicValue(def: CharacteristicDef, type: ProductTypeDef, rng: Rng): string {
  const override = type.values?.[def.key];
  if (override && override.length > 0) return rng.pick(override);
  switch (def.type) {
    case "ENUM":
      return rng.pick(def.options ?? ["—"]);
    case "BOOLEAN":
      return rng.chance(0.55) ? "Yes" : "No";
    case "TEXT":
      return rng.pick(def.samples ?? ["—"]);
    case "NUMBER": {
      if (def.options && def.options.length > 0) return rng.pick(def.options);
      const range = def.range ?? { min: 1, max: 10, step: 1 };
      const steps = Math.round((range.max - range.min) / range.step);
      const value = range.min + rng.int(0, steps) * range.step;
      const decimals = (String(range.step).split(".")[1] ?? "").length;
      return value.toFixed(decimals);
    }
  }
}

function distribute(total: number, weights: number[]): number[] {
  // Largest remainder, so the counts add up to exactly `total`.
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export function buildDemoCatalogue({ now, productCount = DEFAULT_PRODUCT_COUNT }: { now: Date; productCount?: number }): DemoCatalogue {
  const at = (msBeforeNow: number) => new Date(now.getTime() - msBeforeNow);
  const foundedAt = at(150 * DAY);
  const ids = {
    seller: new IdMint("seller"),
    warehouse: new IdMint("warehouse"),
    category: new IdMint("category"),
    characteristic: new IdMint("characteristic"),
    product: new IdMint("product"),
    productCharacteristic: new IdMint("productCharacteristic"),
    variant: new IdMint("variant"),
    image: new IdMint("image"),
    pickupPoint: new IdMint("pickupPoint"),
  };

  // Sellers -----------------------------------------------------------------
  const sellerRng = Rng.for("sellers");
  const regions = ["78", "52", "47", "77", "77", "54", "78"];
  const sellers: SellerRow[] = SELLERS.map((def, i) => ({
    id: ids.seller.next(foundedAt),
    slug: def.slug,
    name: def.name,
    legalName: def.legalName,
    taxId: companyInn(sellerRng, regions[i] ?? "77"),
    contactEmail: `hello@${def.slug}.example.com`,
    contactPhone: `+7 800 555-01-${pad(i + 10, 2)}`,
    description: def.description,
    status: "ACTIVE",
    ratingSum: 0,
    ratingCount: 0,
    createdAt: foundedAt,
    updatedAt: foundedAt,
  }));
  const sellerBySlug = new Map(sellers.map((row) => [row.slug, row]));
  const sellerId = (slug: string) => {
    const row = sellerBySlug.get(slug);
    if (!row) throw new Error(`unknown seller ${slug}`);
    return row.id;
  };

  // Warehouses ---------------------------------------------------------------
  const warehouses: WarehouseRow[] = [
    ...MARKETPLACE_WAREHOUSES.map((def) => ({ ...def, id: ids.warehouse.next(foundedAt), kind: "MARKETPLACE" as const, sellerId: null, createdAt: foundedAt })),
    ...SELLERS.flatMap((def) =>
      def.ownWarehouse ? [{ ...def.ownWarehouse, id: ids.warehouse.next(foundedAt), kind: "SELLER" as const, sellerId: sellerId(def.slug), createdAt: foundedAt }] : [],
    ),
  ];
  const marketplaceWarehouses = warehouses.filter((w) => w.kind === "MARKETPLACE");
  const ownWarehouse = new Map(warehouses.filter((w) => w.sellerId).map((w) => [w.sellerId, w]));

  // Categories and their characteristics -----------------------------------
  const categories: CategoryRow[] = [];
  const categoryCharacteristics: CategoryCharacteristicRow[] = [];
  const leaves: LeafContext[] = [];
  DEPARTMENTS.forEach((department, departmentIndex) => {
    const departmentId = ids.category.next(foundedAt);
    categories.push({
      id: departmentId,
      parentId: null,
      slug: department.slug,
      name: department.name,
      nameRu: department.nameRu,
      path: `/${department.slug}/`,
      depth: 0,
      position: departmentIndex,
      hasSizes: false,
      createdAt: foundedAt,
    });
    department.children.forEach((leaf, leafIndex) => {
      const categoryId = ids.category.next(foundedAt);
      categories.push({
        id: categoryId,
        parentId: departmentId,
        slug: leaf.slug,
        name: leaf.name,
        nameRu: leaf.nameRu,
        path: `/${department.slug}/${leaf.slug}/`,
        depth: 1,
        position: leafIndex,
        hasSizes: leaf.sizeChart !== undefined,
        ...(leaf.sizeChart ? { sizeChart: leaf.sizeChart } : {}),
        createdAt: foundedAt,
      });
      const characteristics = new Map<string, CategoryCharacteristicRow>();
      leaf.characteristics.forEach((def, position) => {
        const row: CategoryCharacteristicRow = {
          id: ids.characteristic.next(foundedAt),
          categoryId,
          key: def.key,
          name: def.name,
          nameRu: def.nameRu,
          type: def.type,
          unit: def.unit ?? null,
          options: leafOptions(leaf, def),
          required: def.required ?? false,
          filterable: def.filterable ?? false,
          position,
        };
        characteristics.set(def.key, row);
        categoryCharacteristics.push(row);
      });
      const offers = SELLERS.flatMap((seller) =>
        seller.assortment.filter((entry) => entry.categories.includes(leaf.slug)).map((entry) => ({ seller, brands: entry.brands, share: entry.share })),
      );
      if (offers.length === 0) throw new Error(`no seller sells in ${leaf.slug}`);
      leaves.push({ leaf, department: department.slug, categoryId, characteristics, offers });
    });
  });

  // Products -----------------------------------------------------------------
  const products: ProductRow[] = [];
  const productCharacteristics: ProductCharacteristicRow[] = [];
  const variants: VariantRow[] = [];
  const stock: StockRow[] = [];
  const images: ProductImageRow[] = [];
  const imageFiles: ImageFile[] = [];
  const productSerial = new Map<string, number>();
  const variantSerial = new Map<string, number>();
  let globalSerial = 0;

  const perLeaf = distribute(
    productCount,
    leaves.map((context) => context.leaf.weight),
  );

  leaves.forEach((context, leafIndex) => {
    const { leaf } = context;
    const count = perLeaf[leafIndex] ?? 0;
    for (let i = 0; i < count; i++) {
      const rng = Rng.for("product", leaf.slug, i);
      const offer = rng.weighted(context.offers.map((o) => ({ value: o, weight: o.share })));
      const seller = offer.seller;
      const brand = rng.pick(offer.brands);
      const type = rng.pick(leaf.types);
      const clashes = (adjective: string, text: string) =>
        text
          .toLowerCase()
          .split(/[^a-z]+/)
          .some((word) => word.length >= 4 && word.slice(0, 4) === adjective.toLowerCase().slice(0, 4));
      const adjectivePool = (type.adjectives ?? leaf.adjectives).filter((a) => !clashes(a, type.name) && !clashes(a, brand));
      const adjective = rng.pick(adjectivePool.length > 0 ? adjectivePool : leaf.adjectives);

      const colourCount = Math.min(
        leaf.maxColours,
        rng.weighted([
          { value: 1, weight: 45 },
          { value: 2, weight: 35 },
          { value: 3, weight: 20 },
        ]),
      );
      const colours: Colour[] = rng.sample(leaf.colours, colourCount).map((code: ColourCode) => colour(code));
      const firstColour = colours[0] ?? colour("BLK");
      const allSizes = leaf.sizeChart ? sizesOf(leaf.sizeChart) : [];
      const sizes: (string | null)[] = allSizes.length > 0 ? rng.run(allSizes, rng.int(2, Math.min(5, allSizes.length))) : [null];

      // Characteristic values first: the title and description quote them.
      const values = new Map<string, string>();
      for (const def of leaf.characteristics) values.set(def.key, characteristicValue(def, type, rng));

      const specs = (leaf.titleSpecs ?? []).map((key) => values.get(key)).filter(Boolean);
      const colourSuffix = leaf.colourInTitle === false ? "" : `, ${firstColour.name}`;
      const name = `${brand} ${adjective} ${type.name}${specs.length ? " " + specs.join("/") : ""}`;
      const title = name + colourSuffix;

      // Dates, status, engagement.
      const ageMs = rng.between(0, CATALOGUE_AGE_DAYS * DAY);
      const createdAt = at(ageMs);
      const status = rng.weighted<ProductStatus>([
        { value: "ACTIVE", weight: 955 },
        { value: "DRAFT", weight: 25 },
        { value: "INACTIVE", weight: 20 },
      ]);
      const publishedAt = status === "DRAFT" ? null : new Date(Math.min(now.getTime(), createdAt.getTime() + rng.between(1, 48) * HOUR));
      let ratingCount = 0;
      let ratingSum = 0;
      let soldCount = 0;
      let popularity = 0;
      if (status !== "DRAFT") {
        ratingCount = rng.chance(0.08) ? 0 : Math.ceil(500 * rng.float() ** 2.6);
        const average = 5 - 1.5 * rng.float() ** 1.8;
        ratingSum = Math.min(5 * ratingCount, Math.max(Math.ceil(3.5 * ratingCount), Math.round(average * ratingCount)));
        soldCount = ratingCount === 0 ? rng.int(0, 15) : ratingCount * rng.int(3, 9) + rng.int(0, 50);
        const daysOld = ageMs / DAY;
        const freshness = Math.max(0, 30 - daysOld) * 12;
        popularity = Math.round(soldCount + ratingCount * 4 + freshness + (ratingCount ? (ratingSum / ratingCount) * 20 : 0));
      }

      const serial = (productSerial.get(seller.slug) ?? 0) + 1;
      productSerial.set(seller.slug, serial);
      globalSerial += 1;
      const productId = ids.product.next(createdAt);

      // Description.
      const template = DESCRIPTIONS[leaf.description];
      const vars: Record<string, string> = {
        brand,
        type: inSentence("type", type.name),
        adjective: inSentence("adjective", adjective),
        colour: firstColour.name.toLowerCase(),
        a_: isPlural(type.name) ? "" : "a ",
        this: isPlural(type.name) ? "these" : "this",
        is: isPlural(type.name) ? "are" : "is",
      };
      for (const [key, value] of values) vars[key] = inSentence(key, value);
      const middles = rng.sample(template.middles, rng.int(1, 2));
      const description = [rng.pick(template.openings), ...middles, rng.pick(template.closings)].map((t) => fillTemplate(t, vars)).join(" ");

      // Variants: every size in every colour. Some colours cost a little more.
      const [minRub, maxRub] = type.priceRub ?? leaf.priceRub;
      const basePrice = retailRub(minRub + (maxRub - minRub) * rng.float() ** 1.5, rng);
      const discount = rng.chance(0.35) ? 10 + Math.floor(50 * rng.float() ** 1.7) : 0;
      const colourPrices = colours.map((_, ci) => (ci > 0 && rng.chance(0.2) ? retailRub(basePrice * rng.between(1.05, 1.12), rng) : basePrice));
      const productVariants: VariantRow[] = [];
      colours.forEach((variantColour, ci) => {
        const priceRub = colourPrices[ci] ?? basePrice;
        const compareAt = discount > 0 ? compareAtRub(priceRub, discount, rng) : null;
        sizes.forEach((size, si) => {
          const number = (variantSerial.get(seller.slug) ?? 0) + 1;
          variantSerial.set(seller.slug, number);
          const first12 = `460${seller.eanCompany}${pad(number, 5)}`;
          productVariants.push({
            id: ids.variant.next(createdAt),
            productId,
            sku: [seller.skuPrefix, pad(serial, 6), ...(size ? [size] : []), variantColour.code].join("-"),
            barcode: first12 + String(ean13CheckDigit(first12)),
            size,
            color: variantColour.name,
            colorHex: variantColour.hex,
            priceMinor: priceRub * 100,
            compareAtMinor: compareAt === null ? null : compareAt * 100,
            currency: "RUB",
            isActive: true,
            position: ci * sizes.length + si,
            createdAt,
            updatedAt: publishedAt ?? createdAt,
          });
        });
      });
      variants.push(...productVariants);

      // Stock: marketplace warehouses, plus the seller's own one if it has it.
      const own = ownWarehouse.get(sellerId(seller.slug));
      for (const variant of productVariants) {
        const places = own
          ? [own, ...rng.sample(marketplaceWarehouses, rng.int(0, 2))]
          : rng.sample(
              marketplaceWarehouses,
              rng.weighted([
                { value: 1, weight: 40 },
                { value: 2, weight: 40 },
                { value: 3, weight: 20 },
              ]),
            );
        for (const warehouse of places) {
          stock.push({
            variantId: variant.id,
            warehouseId: warehouse.id,
            onHand: rng.chance(0.05) ? 0 : Math.ceil(200 * rng.float() ** 1.4),
            reserved: 0,
            shelfLocation: `${rng.pick(["A", "B", "C", "D", "E", "F", "G", "H"])}-${pad(rng.int(1, 40), 2)}-${pad(rng.int(1, 12), 2)}`,
            updatedAt: publishedAt ?? createdAt,
          });
        }
      }

      // Characteristic values.
      leaf.characteristics.forEach((def, position) => {
        const characteristic = context.characteristics.get(def.key);
        const value = values.get(def.key);
        if (!characteristic || value === undefined) return;
        productCharacteristics.push({
          id: ids.productCharacteristic.next(createdAt),
          productId,
          characteristicId: characteristic.id,
          name: def.name,
          value,
          position,
        });
      });

      // Pictures: one per colour, or for a single colour a few views of it.
      const style = rng.int(0, 2);
      const views: { colour: Colour; view: 0 | 1 | 2; label: string }[] =
        colours.length > 1
          ? colours.map((c) => ({ colour: c, view: 0 as const, label: "" }))
          : [
              { colour: firstColour, view: 0 as const, label: "" },
              { colour: firstColour, view: 1 as const, label: "side view" },
              { colour: firstColour, view: 2 as const, label: "close-up" },
            ].slice(0, rng.int(1, 3));
      views.forEach((picture, position) => {
        const storageKey = `products/${productId}/${position + 1}.svg`;
        images.push({
          id: ids.image.next(createdAt),
          productId,
          storageKey,
          // One picture per colour: the alt names that colour, not the title's.
          alt: colours.length > 1 ? `${name}, ${picture.colour.name}` : picture.label ? `${title} — ${picture.label}` : title,
          width: IMAGE_WIDTH,
          height: IMAGE_HEIGHT,
          position,
        });
        imageFiles.push({ storageKey, spec: { shape: type.shape, colorHex: picture.colour.hex, view: picture.view, style } });
      });

      products.push({
        id: productId,
        sellerId: sellerId(seller.slug),
        categoryId: context.categoryId,
        slug: `${slugify(title)}-${shortId(globalSerial)}`,
        title,
        description,
        brand,
        status,
        currency: "RUB",
        minPriceMinor: Math.min(...productVariants.filter((v) => v.isActive).map((v) => v.priceMinor)),
        ratingSum,
        ratingCount,
        soldCount,
        popularity,
        publishedAt,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      });
    }
  });

  // A seller's rating is the sum of its products' ratings (the read model the storefront shows).
  const sellerRows = new Map(sellers.map((row) => [row.id, row]));
  for (const product of products) {
    const row = sellerRows.get(product.sellerId);
    if (!row) continue;
    row.ratingSum += product.ratingSum;
    row.ratingCount += product.ratingCount;
  }

  const pickupPoints: PickupPointRow[] = buildPickupPoints().map((def) => ({ ...def, id: ids.pickupPoint.next(foundedAt), isActive: true, createdAt: foundedAt }));

  return { sellers, warehouses, categories, categoryCharacteristics, products, productCharacteristics, variants, stock, images, imageFiles, pickupPoints };
}
