// Fills an empty database with the demo catalogue: accounts, sellers, categories, ~2,400
// products with variants, stock and pictures, warehouses and pickup points.
//
// Run by the first-run setup and by `pnpm db:seed`, so it must be safe to run again: if the demo
// admin account exists the data is already there and nothing happens (returns null). All rows go
// in within one transaction, so a failed run leaves nothing behind and the next run starts clean;
// an advisory lock makes a second seeder started at the same time wait and then find the data.
//
// Speed: rows are built in memory first (catalogue.ts), then inserted with a few large
// createMany statements rather than one INSERT per row.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@market/db";
import { hashPassword } from "@market/domain/accounts";
import { accountsFor, DEMO_ACCOUNTS, DEMO_MARKER_EMAIL } from "./accounts.ts";
import { buildDemoCatalogue, IdMint, type DemoCatalogue, type ImageFile } from "./catalogue.ts";
import { SELLERS } from "./catalogue-content.ts";
import { renderProductImage } from "./images.ts";
import { buildDemoReviews, insertDemoReviews } from "./reviews.ts";

export interface SeedDemoDataOptions {
  /** Root of the local file store; pictures go to <filesDir>/products/<productId>/<n>.svg. */
  filesDir: string;
  /** Dates are spread over the 120 days before this. */
  now?: Date;
  productCount?: number;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

export interface SeedCounts {
  users: number;
  sellers: number;
  warehouses: number;
  categories: number;
  categoryCharacteristics: number;
  products: number;
  productCharacteristics: number;
  variants: number;
  stock: number;
  images: number;
  pickupPoints: number;
}

// Any constant works; it only has to be the same for every seeder.
const SEED_LOCK_KEY = 73_110_501;
/** Bind parameters per statement: PostgreSQL allows 65,535; stay well below. */
const PARAMETERS_PER_STATEMENT = 20_000;

type Db = Pick<PrismaClient, "user">;

async function demoDataPresent(db: Db): Promise<boolean> {
  return (await db.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { id: true } })) !== null;
}

/**
 * Seeds the demo data unless it is already there. Returns what was inserted, or null when
 * the demo data was already present.
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedDemoDataOptions): Promise<SeedCounts | null> {
  const log = options.log ?? (() => undefined);
  if (await demoDataPresent(prisma)) return null;

  const now = options.now ?? new Date();
  let mark = performance.now();
  const lap = (what: string) => {
    const elapsed = performance.now() - mark;
    mark = performance.now();
    log(`  ${what} (${Math.round(elapsed)} ms)`);
  };

  const catalogue = buildDemoCatalogue({ now, ...(options.productCount ? { productCount: options.productCount } : {}) });
  // Before anything is inserted: it rewrites the products' and sellers' ratings to match the reviews.
  const demoReviews = buildDemoReviews(catalogue, now);
  const { users, members } = await buildUsers(catalogue, now);
  lap(`built ${catalogue.products.length} products and hashed ${users.length} passwords`);

  // Pictures are written while the rows are inserted; the transaction waits for them before
  // committing, so the database never points at a file that is not there.
  const writing = writeImageFiles(options.filesDir, catalogue.imageFiles).then(
    () => null,
    (error: unknown) => error,
  );

  try {
    const counts = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
        if (await demoDataPresent(tx)) return null;

        const inBatches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
          const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
          const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
          for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
          return rows.length;
        };

        await tx.user.createMany({ data: users });
        await tx.seller.createMany({ data: catalogue.sellers });
        await tx.sellerMember.createMany({ data: members });
        await tx.warehouse.createMany({ data: catalogue.warehouses });
        // Parents first: the tree's foreign key points at rows of the same table.
        await tx.category.createMany({ data: catalogue.categories.filter((c) => c.depth === 0) });
        await tx.category.createMany({ data: catalogue.categories.filter((c) => c.depth > 0) });
        await tx.categoryCharacteristic.createMany({ data: catalogue.categoryCharacteristics });
        await tx.pickupPoint.createMany({ data: catalogue.pickupPoints });
        lap("accounts, sellers, warehouses, categories, pickup points");

        await inBatches(catalogue.products, (data) => tx.product.createMany({ data }));
        lap(`${catalogue.products.length} products`);
        await inBatches(catalogue.variants, (data) => tx.productVariant.createMany({ data }));
        lap(`${catalogue.variants.length} variants`);
        await inBatches(catalogue.stock, (data) => tx.stock.createMany({ data }));
        lap(`${catalogue.stock.length} stock rows`);
        await inBatches(catalogue.productCharacteristics, (data) => tx.productCharacteristic.createMany({ data }));
        lap(`${catalogue.productCharacteristics.length} product characteristics`);
        await inBatches(catalogue.images, (data) => tx.productImage.createMany({ data }));
        lap(`${catalogue.images.length} image rows`);
        const shopperId = users.find((user) => user.email === DEMO_ACCOUNTS.shopper.email)?.id;
        if (shopperId) lap(`${await insertDemoReviews(tx, demoReviews, { shopperId, now })} reviews, a delivered order for the demo shopper`);

        const writeError = await writing;
        if (writeError) throw writeError;
        lap(`${catalogue.imageFiles.length} picture files in ${options.filesDir}`);

        return {
          users: users.length,
          sellers: catalogue.sellers.length,
          warehouses: catalogue.warehouses.length,
          categories: catalogue.categories.length,
          categoryCharacteristics: catalogue.categoryCharacteristics.length,
          products: catalogue.products.length,
          productCharacteristics: catalogue.productCharacteristics.length,
          variants: catalogue.variants.length,
          stock: catalogue.stock.length,
          images: catalogue.images.length,
          pickupPoints: catalogue.pickupPoints.length,
        } satisfies SeedCounts;
      },
      // Generous: a slow CI machine must not time out half-way (the default is 5 s).
      { maxWait: 120_000, timeout: 600_000 },
    );
    if (counts === null) {
      // Another seeder got there first, so these pictures are not needed — unless it started in
      // the same millisecond, in which case its ids (and files) are the same as ours.
      await writing;
      const first = catalogue.products[0];
      const shared = first ? await prisma.product.findUnique({ where: { id: first.id }, select: { id: true } }) : null;
      if (!shared) await removeImageFiles(options.filesDir, catalogue);
    }
    return counts;
  } catch (error) {
    await writing;
    await removeImageFiles(options.filesDir, catalogue).catch(() => undefined);
    throw error;
  }
}

async function buildUsers(catalogue: DemoCatalogue, now: Date) {
  const createdAt = new Date(now.getTime() - 151 * 24 * 60 * 60 * 1000);
  const ids = new IdMint("user");
  const sellerIds = new Map(catalogue.sellers.map((seller) => [seller.slug, seller.id]));
  const demoEmails = new Set<string>(Object.values(DEMO_ACCOUNTS).map((account) => account.email));
  const accounts = accountsFor(SELLERS);
  // Argon2 runs off the main thread, so hashing them together takes about as long as one.
  const hashes = await Promise.all(accounts.map((account) => hashPassword(account.password)));
  const users = accounts.map((account, i) => ({
    id: ids.next(createdAt),
    email: account.email.toLowerCase(),
    name: account.name,
    passwordHash: hashes[i] ?? null,
    role: account.role,
    // Demo sign-ins are verified so nothing asks to confirm example.com addresses.
    emailVerified: demoEmails.has(account.email) ? createdAt : null,
    createdAt,
    updatedAt: createdAt,
  }));
  const members = accounts.flatMap((account, i) => {
    const sellerId = account.ownsSeller ? sellerIds.get(account.ownsSeller) : undefined;
    const user = users[i];
    return sellerId && user ? [{ sellerId, userId: user.id, role: "OWNER" as const, createdAt }] : [];
  });
  return { users, members };
}

async function writeImageFiles(filesDir: string, files: readonly ImageFile[]): Promise<void> {
  // Directory by directory with a bounded number in flight: thousands of parallel writes only
  // exhaust file handles without being faster.
  const byDir = new Map<string, ImageFile[]>();
  for (const file of files) {
    const dir = path.dirname(path.join(filesDir, file.storageKey));
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const queue = [...byDir.entries()];
  const worker = async () => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [dir, dirFiles] = next;
      await mkdir(dir, { recursive: true });
      for (const file of dirFiles) await writeFile(path.join(filesDir, file.storageKey), renderProductImage(file.spec));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function removeImageFiles(filesDir: string, catalogue: DemoCatalogue): Promise<void> {
  await Promise.all(catalogue.products.map((product) => rm(path.join(filesDir, "products", product.id), { recursive: true, force: true })));
}
