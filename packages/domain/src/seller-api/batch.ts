// Rules shared by the bulk updates (stock, prices): a batch is checked as a whole and refused as a
// whole, with one message per bad item, so a script can fix its file and send it again knowing
// that nothing from the refused attempt was applied.
import { z } from "zod";
import { AppError } from "../errors.ts";

export const MAX_BATCH_ITEMS = 1000;

export const skuField = z.string().trim().min(1, "Enter the SKU").max(100, "A SKU has at most 100 characters");

export const batchOf = <T extends z.ZodType>(item: T, noun: string) =>
  z.array(item).min(1, `Send at least one ${noun}`).max(MAX_BATCH_ITEMS, `Send at most ${MAX_BATCH_ITEMS} ${noun}s per request`);

/** Per-item problems, keyed like zod's paths ("stocks.3.sku"), so both kinds read the same. */
export class BatchErrors {
  readonly fields: Record<string, string> = {};
  private readonly bad = new Map<number, { field: string; message: string }[]>();
  constructor(private readonly listName: string) {}

  add(index: number, field: string, message: string): void {
    const key = `${this.listName}.${index}.${field}`;
    if (key in this.fields) return;
    this.fields[key] = message;
    const problems = this.bad.get(index) ?? [];
    problems.push({ field, message });
    this.bad.set(index, problems);
  }

  /** Whether the item at this index has a problem. */
  isBad(index: number): boolean {
    return this.bad.has(index);
  }

  /** The item's problems (the CSV import reports them per row instead of refusing the batch). */
  problemsOf(index: number): readonly { field: string; message: string }[] {
    return this.bad.get(index) ?? [];
  }

  /** Throws the whole-batch refusal if any item was bad. */
  throwIfAny(total: number): void {
    const bad = this.bad.size;
    if (bad === 0) return;
    throw new AppError("BAD_REQUEST", `${bad} of the ${total} items ${bad === 1 ? "is" : "are"} invalid, so nothing was changed. See details.fields.`, { fields: this.fields });
  }
}

/** Flags every item whose key appeared earlier in the batch: applying both would be ambiguous. */
export function flagDuplicates<T>(items: readonly T[], keyOf: (item: T) => string, describe: (item: T) => string, errors: BatchErrors, field: string): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else errors.add(index, field, `${describe(item)} appears more than once in this request (first at item ${earlier}).`);
  });
}
