// The categories a product can be listed in (leaves of the tree: "Women › Dresses", never
// "Women") and the form each one asks for: its characteristics and whether it has sizes.
import { getPrisma, type CharacteristicType } from "@market/db";
import { AppError } from "../errors.ts";

export type ListingCategory = { id: string; name: string; /** "Women › Dresses" */ label: string; hasSizes: boolean };

export type CategoryForm = {
  id: string;
  name: string;
  label: string;
  hasSizes: boolean;
  characteristics: { key: string; name: string; type: CharacteristicType; unit: string | null; options: string[]; required: boolean }[];
};

export const CATEGORY_NOT_FOUND = "Choose a category from the list: products are listed in the most specific category.";

async function labelsById(): Promise<Map<string, { name: string; label: string; isLeaf: boolean; hasSizes: boolean; path: string; position: number }>> {
  const rows = await getPrisma().category.findMany({
    select: { id: true, slug: true, name: true, path: true, depth: true, position: true, hasSizes: true, parentId: true },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const parents = new Set(rows.map((row) => row.parentId).filter((id): id is string => id !== null));
  return new Map(
    rows.map((row) => {
      const lineage = row.path
        .split("/")
        .filter(Boolean)
        .map((slug) => bySlug.get(slug)?.name ?? slug);
      return [row.id, { name: row.name, label: lineage.join(" › "), isLeaf: !parents.has(row.id), hasSizes: row.hasSizes, path: row.path, position: row.position }];
    }),
  );
}

/** Leaf categories in tree order, labelled with their ancestors. */
export async function listCategoriesForListing(): Promise<ListingCategory[]> {
  const all = await labelsById();
  return [...all.entries()]
    .filter(([, row]) => row.isLeaf)
    .sort(([, a], [, b]) => a.label.localeCompare(b.label, "en"))
    .map(([id, row]) => ({ id, name: row.name, label: row.label, hasSizes: row.hasSizes }));
}

/** The form of one leaf category; NOT_FOUND for a missing or non-leaf category. */
export async function getCategoryForm(categoryId: string): Promise<CategoryForm> {
  const prisma = getPrisma();
  const category = await prisma.category.findUnique({
    where: { id: categoryId },
    select: {
      id: true,
      name: true,
      hasSizes: true,
      _count: { select: { children: true } },
      characteristics: {
        orderBy: [{ position: "asc" }, { key: "asc" }],
        select: { key: true, name: true, type: true, unit: true, options: true, required: true },
      },
    },
  });
  if (!category || category._count.children > 0) throw new AppError("NOT_FOUND", CATEGORY_NOT_FOUND, { fields: { categoryId: CATEGORY_NOT_FOUND } });
  const label = (await labelsById()).get(category.id)?.label ?? category.name;
  return { id: category.id, name: category.name, label, hasSizes: category.hasSizes, characteristics: category.characteristics };
}
