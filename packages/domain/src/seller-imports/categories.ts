// The category codes and characteristic keys a product file may use, listed on the import page.
import { getPrisma } from "@market/db";

export type ImportCategory = { slug: string; name: string; hasSizes: boolean; characteristics: { key: string; name: string; required: boolean }[] };

/** Leaf categories (products are listed only there), by name. */
export async function listImportCategories(): Promise<ImportCategory[]> {
  const rows = await getPrisma().category.findMany({
    where: { children: { none: {} } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, hasSizes: true, characteristics: { orderBy: [{ position: "asc" }, { key: "asc" }], select: { key: true, name: true, required: true } } },
  });
  return rows;
}
