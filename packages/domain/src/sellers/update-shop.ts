// Shop settings: the owner edits what shoppers and the marketplace see of the shop. The same
// rules as onboarding (createShopInput: INN control digits, plain-text description…); the slug,
// status, rating and membership stay the marketplace's and cannot be named in the input.
import { getPrisma, SellerMemberRole } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { describeStoredImage, fileUrl, getFileStore, isSellerImageKey } from "../files/index.ts";
import { enqueueSearchSync } from "../search/enqueue-search-sync.ts";
import { SHOP_NOT_FOUND } from "../seller-dashboard/shop-access.ts";
import { createShopInput } from "./create-shop.ts";

export const updateShopInput = z.strictObject(
  {
    sellerId: z.uuid(SHOP_NOT_FOUND),
    ...createShopInput.shape,
    /** A key from POST /api/uploads/logo; null removes the logo; absent leaves it as it is. */
    logoStorageKey: z.string().max(300).nullable().optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `These fields cannot be changed here: ${issue.keys.join(", ")}` : undefined),
  },
);
export type UpdateShopInput = z.input<typeof updateShopInput>;

export type ShopSettings = {
  id: string;
  slug: string;
  status: string;
  name: string;
  legalName: string;
  taxId: string;
  contactEmail: string;
  contactPhone: string;
  description: string;
  logoUrl: string | null;
  logoStorageKey: string | null;
  /** Only the owner may change settings; staff see them read-only. */
  canEdit: boolean;
};

const LOGO_URL_PREFIX = "/files/";

/** The storage key behind a logo URL this module wrote; null for anything else. */
function logoKeyFromUrl(url: string | null): string | null {
  return url?.startsWith(LOGO_URL_PREFIX) ? url.slice(LOGO_URL_PREFIX.length).split("/").map(decodeURIComponent).join("/") : null;
}

async function membership(userId: string, sellerId: string) {
  const member = await getPrisma().sellerMember.findFirst({ where: { userId, sellerId }, select: { role: true } });
  // Another shop answers exactly like a missing one.
  if (!member) throw new AppError("NOT_FOUND", SHOP_NOT_FOUND);
  return member;
}

/** The settings form's current values, for any member of the shop. */
export async function getShopSettings(userId: string, sellerId: string): Promise<ShopSettings> {
  if (!z.uuid().safeParse(sellerId).success) throw new AppError("NOT_FOUND", SHOP_NOT_FOUND);
  const member = await membership(userId, sellerId);
  const shop = await getPrisma().seller.findUniqueOrThrow({
    where: { id: sellerId },
    select: { id: true, slug: true, status: true, name: true, legalName: true, taxId: true, contactEmail: true, contactPhone: true, description: true, logoUrl: true },
  });
  return {
    ...shop,
    legalName: shop.legalName ?? "",
    taxId: shop.taxId ?? "",
    contactEmail: shop.contactEmail ?? "",
    contactPhone: shop.contactPhone ?? "",
    description: shop.description ?? "",
    logoStorageKey: logoKeyFromUrl(shop.logoUrl),
    canEdit: member.role === SellerMemberRole.OWNER,
  };
}

/** Saves the shop's settings; the owner only. Returns the saved settings. */
export async function updateShop(userId: string, input: UpdateShopInput): Promise<ShopSettings> {
  const data = updateShopInput.parse(input);
  const member = await membership(userId, data.sellerId);
  if (member.role !== SellerMemberRole.OWNER) throw new AppError("FORBIDDEN", "Only the shop's owner can change its settings.");

  let logoUrl: string | null | undefined;
  if (data.logoStorageKey === null) logoUrl = null;
  else if (data.logoStorageKey !== undefined) {
    // Only a logo this shop uploaded: never another shop's file or an arbitrary URL.
    const logo = await describeStoredImage(data.sellerId, data.logoStorageKey, "logo");
    if (!logo) {
      throw new AppError("BAD_REQUEST", "Upload the logo again: the uploaded file was not found.", { fields: { logoStorageKey: "Upload the logo again: the uploaded file was not found." } });
    }
    logoUrl = fileUrl(logo.storageKey);
  }

  const previousLogoUrl = await getPrisma().$transaction(async (tx) => {
    const before = await tx.seller.findUniqueOrThrow({ where: { id: data.sellerId }, select: { name: true, logoUrl: true } });
    await tx.seller.update({
      where: { id: data.sellerId },
      data: {
        name: data.name,
        legalName: data.legalName,
        taxId: data.taxId,
        contactEmail: data.contactEmail,
        contactPhone: data.contactPhone,
        description: data.description ?? null,
        ...(logoUrl !== undefined ? { logoUrl } : {}),
      },
    });
    // Search results show the seller's name: re-index the shop's products when it changes.
    if (before.name !== data.name) {
      const products = await tx.product.findMany({ where: { sellerId: data.sellerId }, select: { id: true } });
      await enqueueSearchSync(tx, products.map((product) => product.id));
    }
    return before.logoUrl;
  });
  // A replaced logo is referenced nowhere else (each upload has its own key): remove the file.
  const previousKey = logoKeyFromUrl(previousLogoUrl);
  if (logoUrl !== undefined && logoUrl !== previousLogoUrl && previousKey && isSellerImageKey(data.sellerId, previousKey, "logo")) {
    await getFileStore()
      .delete(previousKey)
      .catch((error: unknown) => console.error(JSON.stringify({ level: "warn", msg: "old shop logo not deleted", key: previousKey, error: String(error) })));
  }
  return getShopSettings(userId, data.sellerId);
}
