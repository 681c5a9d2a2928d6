// Cursor pagination shared by the list operations: the cursor is the last item's id (ids are
// UUIDv7, so they sort by creation time), which stays correct while rows are added, unlike an
// offset.
import { z } from "zod";

export const MAX_PAGE_SIZE = 100;

export const pageQuery = z.object({
  cursor: z.uuid("The cursor must be a nextCursor value from a previous page").optional().describe("nextCursor from the previous page; omit for the first page"),
  limit: z.coerce.number().int("limit must be a whole number").min(1, "limit must be at least 1").max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`).default(50),
});

export const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.uuid().nullable().describe("Pass as ?cursor= for the next page; null on the last page") });

/** Rows were fetched with take: limit + 1; the extra one only says whether there is a next page. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
