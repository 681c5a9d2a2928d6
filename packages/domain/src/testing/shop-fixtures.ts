// Small, explicit catalogue rows for integration tests of the shopping domains (product page,
// cart, favourites, reviews, delivery). Each call makes new rows with unique slugs and codes.
import { getPrisma, type FulfilmentStatus, type ProductStatus } from "@market/db";

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export const SIZE_CHART = {
  unit: "cm",
  columns: [
    { key: "size", label: "Size", labelRu: "Размер" },
    { key: "bust", label: "Bust", labelRu: "Обхват груди" },
  ],
  rows: [
    { size: "S", bust: "84-88" },
    { size: "M", bust: "88-92" },
    { size: "L", bust: "92-96" },
  ],
};

export async function createUser(name = "Test Shopper") {
  return getPrisma().user.create({ data: { name, email: `user-${next()}@example.com` }, select: { id: true, name: true } });
}

export async function createSeller() {
  const n = next();
  return getPrisma().seller.create({ data: { slug: `seller-${n}`, name: `Seller ${n}`, status: "ACTIVE" }, select: { id: true, slug: true, name: true } });
}

export async function createWarehouse(city: string) {
  const n = next();
  return getPrisma().warehouse.create({ data: { code: `WH-${n}`, name: `${city} hub ${n}`, city, address: `${city}, Street 1` }, select: { id: true, city: true } });
}

export async function createPickupPoint(city: string, deliveryDays: number, isActive = true) {
  const n = next();
  return getPrisma().pickupPoint.create({
    data: { code: `PP-${n}`, name: `${city} point ${n}`, city, address: `${city}, Main street ${n}`, latitude: 55, longitude: 37, openingHours: "10:00-21:00", deliveryDays, isActive },
    select: { id: true, city: true, deliveryDays: true },
  });
}

type VariantSpec = { size?: string | null; color?: string; priceMinor: number; compareAtMinor?: number | null; isActive?: boolean; stock: { warehouseId: string; onHand: number; reserved?: number }[] };

/**
 * A product in a sized category with the given variants (default: S, M, L in Black, with M
 * sold out, and White S dearer), pictures and characteristics.
 */
export async function createProduct(options: { sellerId?: string; status?: ProductStatus; warehouseId?: string; variants?: VariantSpec[]; hasSizes?: boolean } = {}) {
  const prisma = getPrisma();
  const n = next();
  const sellerId = options.sellerId ?? (await createSeller()).id;
  const warehouseId = options.warehouseId ?? (await createWarehouse("Moscow")).id;
  const hasSizes = options.hasSizes ?? true;
  const category = await prisma.category.create({
    data: { slug: `dresses-${n}`, name: "Dresses", nameRu: "Платья", path: `/dresses-${n}/`, hasSizes, ...(hasSizes ? { sizeChart: SIZE_CHART } : {}) },
  });
  const characteristic = await prisma.categoryCharacteristic.create({
    data: { categoryId: category.id, key: "material", name: "Material", nameRu: "Материал", unit: null },
  });
  const variants: VariantSpec[] = options.variants ?? [
    { size: "S", color: "Black", priceMinor: 249_000, compareAtMinor: 399_000, stock: [{ warehouseId, onHand: 5, reserved: 1 }] },
    { size: "M", color: "Black", priceMinor: 249_000, compareAtMinor: 399_000, stock: [{ warehouseId, onHand: 2, reserved: 2 }] },
    { size: "L", color: "Black", priceMinor: 249_000, compareAtMinor: 399_000, stock: [{ warehouseId, onHand: 7 }] },
    { size: "S", color: "White", priceMinor: 279_000, stock: [{ warehouseId, onHand: 3 }] },
  ];
  const product = await prisma.product.create({
    data: {
      sellerId,
      categoryId: category.id,
      slug: `test-dress-${n}`,
      title: `Test Dress ${n}`,
      description: "A dress for tests.",
      brand: "Testbrand",
      status: options.status ?? "ACTIVE",
      minPriceMinor: Math.min(...variants.map((v) => v.priceMinor)),
      publishedAt: new Date(),
      images: { create: [{ storageKey: `products/${n}/1.svg`, alt: "", position: 0 }, { storageKey: `products/${n}/2.svg`, alt: "Side view", position: 1 }] },
      characteristics: { create: [{ characteristicId: characteristic.id, name: "Material", value: "Cotton", position: 0 }] },
    },
    select: { id: true, slug: true, title: true, sellerId: true },
  });
  const created = [];
  for (const [position, spec] of variants.entries()) {
    created.push(
      await prisma.productVariant.create({
        data: {
          productId: product.id,
          sku: `SKU-${n}-${position}`,
          size: spec.size === undefined ? null : spec.size,
          color: spec.color ?? "Black",
          priceMinor: spec.priceMinor,
          compareAtMinor: spec.compareAtMinor ?? null,
          isActive: spec.isActive ?? true,
          position,
          stock: { create: spec.stock.map((s) => ({ warehouseId: s.warehouseId, onHand: s.onHand, reserved: s.reserved ?? 0 })) },
        },
        select: { id: true, size: true, color: true, priceMinor: true },
      }),
    );
  }
  return { ...product, categoryId: category.id, variants: created };
}

/** An order of one line of this variant by the user, its seller's part in the given status. */
export async function createOrderLine({ userId, variantId, status = "DELIVERED" }: { userId: string; variantId: string; status?: FulfilmentStatus }) {
  const prisma = getPrisma();
  const n = next();
  const variant = await prisma.productVariant.findUniqueOrThrow({
    where: { id: variantId },
    select: { id: true, sku: true, size: true, color: true, priceMinor: true, currency: true, product: { select: { id: true, title: true, sellerId: true } } },
  });
  const order = await prisma.order.create({
    data: {
      number: `T-${n}`,
      userId,
      status: "PAID",
      currency: variant.currency,
      subtotalMinor: variant.priceMinor,
      totalMinor: variant.priceMinor,
      deliveryMethod: "PICKUP",
      contactName: "Test",
      contactPhone: "+70000000000",
      contactEmail: "test@example.com",
      idempotencyKey: `key-${n}`,
    },
    select: { id: true },
  });
  const part = await prisma.orderPart.create({
    data: { orderId: order.id, sellerId: variant.product.sellerId, status, subtotalMinor: variant.priceMinor, currency: variant.currency },
    select: { id: true },
  });
  return prisma.orderLine.create({
    data: {
      orderId: order.id,
      orderPartId: part.id,
      variantId,
      productId: variant.product.id,
      sku: variant.sku,
      title: variant.product.title,
      size: variant.size,
      color: variant.color,
      unitPriceMinor: variant.priceMinor,
      quantity: 1,
      lineTotalMinor: variant.priceMinor,
      currency: variant.currency,
    },
    select: { id: true, productId: true },
  });
}
