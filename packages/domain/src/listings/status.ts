// Moving a product through its life: DRAFT → ACTIVE (published) ⇄ INACTIVE, and ARCHIVED (kept
// for the order history, hidden from the portal's list). Unpublishing an archived product
// restores it as INACTIVE. Each change queues the search sync in its transaction, so the product
// appears in or disappears from the storefront's search with the change.
import { getPrisma, type ProductStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { enqueueSearchSync } from "../search/index.ts";
import { assertProductId, PRODUCT_NOT_FOUND, resolveSellerId, type ListingAccess } from "./access.ts";
import { storedPublishProblems } from "./publish-rules.ts";
import type { ListingStatus } from "./schemas.ts";

export type ListingStatusChange = { id: string; slug: string; status: ListingStatus; publishedAt: Date | null };

type Transition = {
  to: ProductStatus;
  from: readonly ProductStatus[];
  refused: (status: ProductStatus) => string;
};

const TRANSITIONS = {
  publish: {
    to: "ACTIVE",
    from: ["DRAFT", "INACTIVE", "ACTIVE"],
    refused: () => "This product is archived. Restore it first, then publish it.",
  },
  unpublish: {
    to: "INACTIVE",
    from: ["ACTIVE", "INACTIVE", "ARCHIVED"],
    refused: () => "This product is a draft and has never been published.",
  },
  archive: {
    to: "ARCHIVED",
    from: ["DRAFT", "ACTIVE", "INACTIVE", "ARCHIVED"],
    refused: () => "This product cannot be archived.",
  },
} satisfies Record<string, Transition>;

async function transition(access: ListingAccess, productId: string, rule: Transition): Promise<ListingStatusChange> {
  const sellerId = await resolveSellerId(access);
  assertProductId(productId);
  return getPrisma().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: ProductStatus; publishedAt: Date | null }[]>`
      SELECT id, status, "publishedAt" FROM "Product" WHERE id = ${productId}::uuid AND "sellerId" = ${sellerId}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new AppError("NOT_FOUND", PRODUCT_NOT_FOUND);
    if (!rule.from.includes(current.status)) throw new AppError("CONFLICT", rule.refused(current.status));

    if (rule.to === "ACTIVE") {
      const problems = await storedPublishProblems(tx, productId);
      if (problems.length > 0) {
        throw new AppError("BAD_REQUEST", `This product cannot be published yet: ${problems.map((problem) => problem.message).join("; ")}.`, {
          fields: Object.fromEntries(problems.map((problem) => [problem.field, problem.message])),
        });
      }
    }
    // Repeating a change (a double click, a retried request) is harmless and changes nothing.
    const product = await tx.product.update({
      where: { id: productId },
      data: { status: rule.to, ...(rule.to === "ACTIVE" && current.publishedAt === null ? { publishedAt: new Date() } : {}) },
      select: { id: true, slug: true, status: true, publishedAt: true },
    });
    if (current.status !== rule.to) await enqueueSearchSync(tx, [productId]);
    return product;
  });
}

/** DRAFT or INACTIVE → ACTIVE, when the product has an active SKU, an image and its required characteristics. */
export const publishListing = (access: ListingAccess, productId: string) => transition(access, productId, TRANSITIONS.publish);
/** ACTIVE → INACTIVE (off sale); ARCHIVED → INACTIVE (restored). */
export const unpublishListing = (access: ListingAccess, productId: string) => transition(access, productId, TRANSITIONS.unpublish);
/** Any → ARCHIVED: off sale and hidden from the portal's list by default. */
export const archiveListing = (access: ListingAccess, productId: string) => transition(access, productId, TRANSITIONS.archive);
