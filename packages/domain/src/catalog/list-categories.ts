import { getPrisma } from "@market/db";

export type CategoryNode = { id: string; slug: string; name: string; nameRu: string; children: CategoryNode[] };

/** The whole category tree, for the storefront's menu. */
export async function listCategoryTree(): Promise<CategoryNode[]> {
  const rows = await getPrisma().category.findMany({
    select: { id: true, parentId: true, slug: true, name: true, nameRu: true },
    orderBy: [{ depth: "asc" }, { position: "asc" }],
  });
  const nodes = new Map(rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name, nameRu: r.nameRu, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
