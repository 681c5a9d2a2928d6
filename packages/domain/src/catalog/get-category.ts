import { getPrisma } from "@market/db";

export type CategoryPage = {
  slug: string;
  name: string;
  nameRu: string;
  breadcrumbs: { slug: string; name: string; nameRu: string }[];
  children: { slug: string; name: string; nameRu: string }[];
};

/** A category with its ancestors (for breadcrumbs) and children (for narrowing); null if unknown. */
export async function getCategory(slug: string): Promise<CategoryPage | null> {
  const prisma = getPrisma();
  const category = await prisma.category.findUnique({
    where: { slug },
    select: { slug: true, name: true, nameRu: true, path: true, children: { select: { slug: true, name: true, nameRu: true }, orderBy: { position: "asc" } } },
  });
  if (!category) return null;
  // The materialised path ("/women/dresses/") names every ancestor.
  const ancestorSlugs = category.path.split("/").filter(Boolean).slice(0, -1);
  const ancestors = await prisma.category.findMany({ where: { slug: { in: ancestorSlugs } }, select: { slug: true, name: true, nameRu: true } });
  const bySlug = new Map(ancestors.map((a) => [a.slug, a]));
  return {
    slug: category.slug,
    name: category.name,
    nameRu: category.nameRu,
    breadcrumbs: ancestorSlugs.map((s) => bySlug.get(s)).filter((a) => a !== undefined),
    children: category.children,
  };
}
