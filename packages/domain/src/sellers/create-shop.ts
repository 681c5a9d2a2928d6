// Onboarding: a seller account creates a shop and becomes its OWNER.
//
// Only the fields below can be set. The slug is derived from the name on the server (clients
// cannot claim someone else's URL), and status, rating and membership are never taken from input:
// a new shop starts ONBOARDING with no rating, and the marketplace activates it.
import { getPrisma, Prisma, SellerMemberRole, SellerStatus } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";

export const MAX_OWNED_SHOPS = 5;
const MAX_SLUG_LENGTH = 60;
const SLUG_ATTEMPTS = 3;

export const INN_MESSAGE = "Enter a valid INN: 10 digits for a company, 12 for an individual entrepreneur";

const INN_WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: number[], weights: number[]) => (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;

/**
 * A Russian taxpayer number with its control digits: 10 digits for an organisation (one control
 * digit), 12 for an individual entrepreneur (two). Catches most typos before a contract is drawn up.
 */
export function isValidInn(value: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (digits.length === 10) return checkDigit(digits, INN_WEIGHTS_10) === digits[9];
  return checkDigit(digits, INN_WEIGHTS_11) === digits[10] && checkDigit(digits, INN_WEIGHTS_12) === digits[11];
}

// Simplified passport-style romanisation; readable in a URL, which is all a slug needs.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  // Ukrainian and Belarusian letters sellers from neighbouring markets use.
  і: "i", ї: "yi", є: "ye", ґ: "g", ў: "u",
};

/** "Вольга Электроника & Co" → "volga-elektronika-and-co"; empty when nothing usable is left. */
export function slugFromName(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join("");
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
}

const phoneField = z
  .string()
  // People paste numbers as "+7 (495) 123-45-67"; only the digits and the leading + matter.
  .transform((value) => value.replace(/[\s\-()]/g, ""))
  .pipe(z.string().regex(/^\+?\d{10,15}$/, "Enter a phone number with 10 to 15 digits, e.g. +7 495 123-45-67"));

export const createShopInput = z.strictObject(
  {
    name: z.string().trim().min(2, "A shop name has at least 2 characters").max(80, "A shop name has at most 80 characters"),
    legalName: z
      .string()
      .trim()
      .min(2, "Enter the legal name, e.g. ООО «Ромашка» or ИП Иванов И. И.")
      .max(160, "A legal name has at most 160 characters"),
    taxId: z.string().trim().refine(isValidInn, INN_MESSAGE),
    contactEmail: z.string().trim().toLowerCase().max(254, "An email address has at most 254 characters").pipe(z.email("Enter a valid email address")),
    contactPhone: phoneField,
    description: z
      .string()
      .trim()
      .max(1000, "A description has at most 1000 characters")
      // Shown as plain text on the shop page; refusing markup keeps it that way for every reader
      // of the column (emails, exports), not only for the pages that escape it.
      .refine((value) => !/<[a-z!/?]/i.test(value), "Use plain text: HTML tags are not allowed")
      .optional()
      .transform((value) => (value ? value : undefined)),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `These fields cannot be set when creating a shop: ${issue.keys.join(", ")}` : undefined,
  },
);
export type CreateShopInput = z.input<typeof createShopInput>;

export type CreatedShop = { id: string; slug: string; name: string };

/** The first of `base`, `base-2`, `base-3`… that no shop uses yet. */
async function freeSlug(base: string): Promise<string> {
  const taken = new Set(
    (await getPrisma().seller.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// The slug is the only unique column a new shop row can collide on (its id is generated).
const isSlugConflict = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates the shop (ONBOARDING) and makes the user its OWNER, in one transaction. */
export async function createShop(userId: string, input: CreateShopInput): Promise<CreatedShop> {
  const data = createShopInput.parse(input);
  const base = slugFromName(data.name) || "shop";
  const prisma = getPrisma();

  for (let attempt = 1; ; attempt++) {
    const slug = await freeSlug(base);
    try {
      return await prisma.$transaction(async (tx) => {
        // Lock the user's row so two concurrent creates cannot both pass the limit check.
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
        const owned = await tx.sellerMember.count({ where: { userId, role: SellerMemberRole.OWNER } });
        if (owned >= MAX_OWNED_SHOPS) {
          throw new AppError("CONFLICT", `You already own ${MAX_OWNED_SHOPS} shops, the most one account can have. Contact marketplace support if you need more.`);
        }
        return tx.seller.create({
          data: {
            slug,
            name: data.name,
            legalName: data.legalName,
            taxId: data.taxId,
            contactEmail: data.contactEmail,
            contactPhone: data.contactPhone,
            description: data.description ?? null,
            status: SellerStatus.ONBOARDING,
            members: { create: { userId, role: SellerMemberRole.OWNER } },
          },
          select: { id: true, slug: true, name: true },
        });
      });
    } catch (error) {
      // Someone took the same slug between our lookup and the insert: look again.
      if (isSlugConflict(error) && attempt < SLUG_ATTEMPTS) continue;
      throw error;
    }
  }
}
