"use client";
// One form for a new and an existing product card: category and its characteristics, title,
// brand, description, pictures, and the size × colour matrix with prices and stock. The server
// checks everything again; its messages are shown next to the fields they are about.
import type { CategoryForm, ListingCategory, ListingDetail } from "@market/domain/listings";
import { Alert, Button, TextField } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ImageUploader, type UploadedImage } from "../images/image-uploader";
import { minorToInput, parseMoneyInput } from "./money-input";
import { ListingStatusBadge } from "./status-badge";
import { RichTextEditor } from "./rich-text-editor";
import { buildRows, comboKey, VariantMatrix, type ColorOption, type VariantRow, type Warehouse } from "./variant-matrix";

const CURRENCIES = ["RUB", "KZT", "BYN", "USD", "EUR"] as const;
type Currency = (typeof CURRENCIES)[number];
const MAX_IMAGES = 10;

type Props = {
  sellerId: string;
  shopQuery: string;
  categories: ListingCategory[];
  warehouses: Warehouse[];
  listing?: ListingDetail;
  /** Shown once after a redirect from "Save draft" / "Publish" on the new-product page. */
  notice?: string | null;
};

function initialRows(listing: ListingDetail | undefined): VariantRow[] {
  if (!listing) return buildRows([], [], []);
  return listing.variants.map((variant) => ({
    size: variant.size,
    color: variant.color,
    colorHex: variant.colorHex,
    sku: variant.sku,
    barcode: variant.barcode ?? "",
    price: minorToInput(variant.priceMinor),
    compareAt: minorToInput(variant.compareAtMinor),
    isActive: variant.isActive,
    stocks: Object.fromEntries(variant.stocks.map((stock) => [stock.warehouseCode, String(stock.onHand)])),
    reserved: Object.fromEntries(variant.stocks.map((stock) => [stock.warehouseCode, stock.reserved])),
  }));
}

const unique = <T,>(values: T[]) => [...new Set(values)];

export function ListingForm({ sellerId, shopQuery, categories, warehouses, listing, notice }: Props) {
  const trpc = useTRPC();
  const router = useRouter();

  const [categoryId, setCategoryId] = useState(listing?.categoryId ?? "");
  const [title, setTitle] = useState(listing?.title ?? "");
  const [brand, setBrand] = useState(listing?.brand ?? "");
  const [description, setDescription] = useState(listing?.description ?? "");
  const [currency, setCurrency] = useState<Currency>((listing?.currency as Currency | undefined) ?? "RUB");
  const [characteristics, setCharacteristics] = useState<Record<string, string>>(listing?.characteristics ?? {});
  const [images, setImages] = useState<UploadedImage[]>(listing?.images.map((image) => ({ ...image })) ?? []);
  const [rows, setRows] = useState<VariantRow[]>(() => initialRows(listing));
  const [sizes, setSizes] = useState<string[]>(() => unique((listing?.variants ?? []).flatMap((v) => (v.size ? [v.size] : []))));
  const [colors, setColors] = useState<ColorOption[]>(() => {
    const seen = new Map<string, ColorOption>();
    for (const variant of listing?.variants ?? []) if (variant.color && !seen.has(variant.color)) seen.set(variant.color, { name: variant.color, hex: variant.colorHex });
    return [...seen.values()];
  });
  const [stockCodes, setStockCodes] = useState<string[]>(() => {
    const used = unique((listing?.variants ?? []).flatMap((variant) => variant.stocks.map((stock) => stock.warehouseCode)));
    if (used.length) return used;
    const own = warehouses.filter((warehouse) => warehouse.kind === "SELLER").map((warehouse) => warehouse.code);
    return own.length ? own : warehouses.slice(0, 1).map((warehouse) => warehouse.code);
  });

  // Field messages: the client's own checks, then the server's, keyed like the server's paths.
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverProblem, setServerProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  // What the last request sent, to find the row and warehouse behind "variants.2.stocks.1.quantity".
  const [sent, setSent] = useState<{ rowKeys: string[]; codes: string[][] }>({ rowKeys: [], codes: [] });
  const [result, setResult] = useState<string | null>(notice ?? null);

  const form = useQuery({ ...trpc.listings.categoryForm.queryOptions({ categoryId }), enabled: Boolean(categoryId) });
  const category: CategoryForm | undefined = form.data;
  const hasSizes = category?.hasSizes ?? categories.find((c) => c.id === categoryId)?.hasSizes ?? false;

  const create = useMutation(trpc.listings.create.mutationOptions());
  const update = useMutation(trpc.listings.update.mutationOptions());
  const publish = useMutation(trpc.listings.publish.mutationOptions());
  const unpublish = useMutation(trpc.listings.unpublish.mutationOptions());
  const archive = useMutation(trpc.listings.archive.mutationOptions());
  const busy = create.isPending || update.isPending || publish.isPending || unpublish.isPending || archive.isPending;

  const changeSizes = (next: string[]) => {
    setSizes(next);
    setRows((current) => buildRows(hasSizes ? next : [], colors, current));
  };
  const changeColors = (next: ColorOption[]) => {
    setColors(next);
    setRows((current) => buildRows(hasSizes ? sizes : [], next, current));
  };

  const fields = useMemo(() => ({ ...(serverProblem?.fields ?? {}), ...clientErrors }), [serverProblem, clientErrors]);

  const errorFor = (row: VariantRow, field: string): string | undefined => {
    const key = comboKey(row.size, row.color);
    if (clientErrors[`row:${key}:${field}`]) return clientErrors[`row:${key}:${field}`];
    const index = sent.rowKeys.indexOf(key);
    if (index < 0 || !serverProblem) return undefined;
    const server = serverProblem.fields;
    const prefix = `variants.${index}`;
    switch (field) {
      case "sku":
        return server[`${prefix}.sku`] ?? server[`${prefix}.size`] ?? server[`${prefix}.color`] ?? server[`${prefix}.colorHex`] ?? server[prefix];
      case "barcode":
        return server[`${prefix}.barcode`];
      case "price":
        return server[`${prefix}.priceMinor`];
      case "compareAt":
        return server[`${prefix}.compareAtMinor`];
      default: {
        const code = field.slice("stocks.".length);
        const stockIndex = sent.codes[index]?.indexOf(code) ?? -1;
        return stockIndex < 0 ? undefined : (server[`${prefix}.stocks.${stockIndex}.quantity`] ?? server[`${prefix}.stocks.${stockIndex}.warehouseCode`]);
      }
    }
  };

  /** The request body, or null (with messages set) when something is clearly wrong already. */
  function buildInput() {
    const errors: Record<string, string> = {};
    const codes = warehouses.map((warehouse) => warehouse.code).filter((code) => stockCodes.includes(code));
    const variants = rows.map((row) => {
      const key = comboKey(row.size, row.color);
      const price = parseMoneyInput(row.price);
      const compareAt = row.compareAt.trim() ? parseMoneyInput(row.compareAt) : null;
      if (!row.sku.trim()) errors[`row:${key}:sku`] = "Enter the SKU";
      if (price === null) errors[`row:${key}:price`] = row.price.trim() ? "Enter a price like 1 299.00" : "Enter the price";
      if (row.compareAt.trim() && compareAt === null) errors[`row:${key}:compareAt`] = "Enter a price like 1 999.00, or leave it empty";
      const stocks = codes.map((code) => {
        const text = (row.stocks[code] ?? "").trim();
        const quantity = text === "" ? 0 : Number(text);
        if (!Number.isInteger(quantity) || quantity < 0) errors[`row:${key}:stocks.${code}`] = "Enter a whole number of units";
        return { warehouseCode: code, quantity };
      });
      return {
        size: row.size,
        color: row.color,
        colorHex: row.colorHex,
        sku: row.sku.trim(),
        barcode: row.barcode.trim() || null,
        priceMinor: price ?? 0,
        compareAtMinor: compareAt,
        isActive: row.isActive,
        stocks,
      };
    });
    if (!categoryId) errors.categoryId = "Choose a category";
    setClientErrors(errors);
    if (Object.keys(errors).length) {
      setServerProblem(null);
      setResult(null);
      return null;
    }
    // Values of a previous category are dropped; before the form has loaded, everything is sent
    // (the server checks it against the category either way).
    const known = category ? new Set(category.characteristics.map((c) => c.key)) : null;
    setSent({ rowKeys: rows.map((row) => comboKey(row.size, row.color)), codes: rows.map(() => codes) });
    return {
      sellerId,
      categoryId,
      title,
      brand: brand.trim() || null,
      description,
      currency,
      characteristics: Object.fromEntries(Object.entries(characteristics).filter(([key, value]) => value !== "" && (!known || known.has(key)))),
      variants,
      images: images.map((image) => ({ storageKey: image.storageKey, alt: image.alt })),
    };
  }

  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    setServerProblem(null);
    setResult(null);
    try {
      return await action();
    } catch (error) {
      setServerProblem(describeError(error));
      return null;
    }
  }

  async function save(thenPublish: boolean) {
    const input = buildInput();
    if (!input) return;
    if (!listing) {
      const created = await attempt(() => create.mutateAsync(input));
      if (!created) return;
      let outcome = "draft";
      if (thenPublish) outcome = (await attempt(() => publish.mutateAsync({ sellerId, productId: created.id }))) ? "published" : "draft-not-published";
      router.push(`/products/${created.id}${shopQuery}${shopQuery ? "&" : "?"}saved=${outcome}`);
      return;
    }
    const saved = await attempt(() => update.mutateAsync({ ...input, productId: listing.id }));
    if (!saved) return;
    if (thenPublish) {
      const published = await attempt(() => publish.mutateAsync({ sellerId, productId: listing.id }));
      if (published) setResult("Published. Shoppers can find it in the storefront within a minute.");
    } else {
      setResult(saved.status === "DRAFT" ? "Draft saved." : "Changes saved.");
    }
    router.refresh();
  }

  async function changeStatus(action: "unpublish" | "archive" | "restore") {
    if (!listing) return;
    const mutation = action === "archive" ? archive : unpublish;
    const done = await attempt(() => mutation.mutateAsync({ sellerId, productId: listing.id }));
    if (!done) return;
    setResult(
      action === "archive" ? "Archived. It is off sale and hidden from your product list." : action === "restore" ? "Restored as unpublished. Publish it when it is ready." : "Unpublished. Shoppers no longer see it.",
    );
    router.refresh();
  }

  const status = listing?.status;
  const several = "Some fields need your attention: see the messages next to them.";
  // The domain's own refusals summarise every field; zod's first issue alone would mislead.
  const summarised = serverProblem && /cannot be published|fields need your attention/.test(serverProblem.message);
  const topError = serverProblem
    ? Object.keys(serverProblem.fields).length > 1 && !summarised
      ? several
      : serverProblem.message
    : Object.keys(clientErrors).length
      ? several
      : null;
  const variantsError = fields.variants;
  const imagesError = fields.images ?? Object.entries(fields).find(([key]) => key.startsWith("images."))?.[1];

  return (
    <form
      aria-label={listing ? `Edit ${listing.title}` : "New product"}
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      {result ? <Alert tone="success">{result}</Alert> : null}
      {topError ? <Alert tone="error">{topError}</Alert> : null}

      {listing && listing.publishProblems.length && status !== "ACTIVE" ? (
        <section aria-labelledby="before-publish" className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm">
          <h2 id="before-publish" className="font-semibold">Before you can publish</h2>
          <ul className="mt-1 list-disc pl-5">
            {listing.publishProblems.map((problem) => <li key={problem.field}>{problem.message}</li>)}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="basics-title" className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="basics-title" className="text-lg font-semibold">Product</h2>
        <div className="flex flex-col gap-1">
          <label htmlFor="category" className="text-sm font-medium">Category</label>
          <select
            id="category"
            value={categoryId}
            aria-invalid={fields.categoryId ? true : undefined}
            aria-describedby={fields.categoryId ? "category-error" : undefined}
            onChange={(event) => {
              setCategoryId(event.target.value);
              const next = categories.find((c) => c.id === event.target.value);
              if (next && !next.hasSizes) {
                setSizes([]);
                setRows((current) => buildRows([], colors, current));
              }
            }}
            className={`min-h-11 max-w-xl rounded-xl border bg-white px-3 text-base ${fields.categoryId ? "border-sale" : "border-gray-300"}`}
          >
            <option value="">Choose a category</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          {fields.categoryId ? <p id="category-error" className="text-sm text-sale">{fields.categoryId}</p> : null}
        </div>
        <TextField label="Title" name="title" required maxLength={150} value={title} onChange={(event) => setTitle(event.target.value)} error={fields.title} hint="What shoppers search for: type of product, main feature, model. 3 to 150 characters." />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Brand" name="brand" maxLength={80} value={brand} onChange={(event) => setBrand(event.target.value)} error={fields.brand} />
          <div className="flex flex-col gap-1">
            <label htmlFor="currency" className="text-sm font-medium">Currency</label>
            <select id="currency" value={currency} onChange={(event) => setCurrency(event.target.value as Currency)} className="min-h-11 rounded-xl border border-gray-300 bg-white px-3 text-base">
              {CURRENCIES.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
          </div>
        </div>
        <RichTextEditor label="Description" value={description} onChange={setDescription} error={fields.description} hint="Bold, italic, subheadings and lists are kept; other formatting is removed when you save." />
      </section>

      {categoryId ? (
        <section aria-labelledby="characteristics-title" className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
          <h2 id="characteristics-title" className="text-lg font-semibold">Characteristics</h2>
          {form.isLoading ? <p className="text-sm text-muted" role="status">Loading the category’s characteristics…</p> : null}
          {form.error ? <Alert tone="error">{describeError(form.error).message}</Alert> : null}
          {category && category.characteristics.length === 0 ? <p className="text-sm text-muted">This category has no characteristics to fill in.</p> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            {category?.characteristics.map((c) => {
              const id = `characteristic-${c.key}`;
              const error = fields[`characteristics.${c.key}`];
              const label = `${c.name}${c.unit ? `, ${c.unit}` : ""}${c.required ? " (required)" : ""}`;
              const value = characteristics[c.key] ?? "";
              const set = (next: string) => setCharacteristics((current) => ({ ...current, [c.key]: next }));
              const common = {
                id,
                "aria-invalid": error ? true : undefined,
                "aria-describedby": error ? `${id}-error` : undefined,
                className: `min-h-11 rounded-xl border bg-white px-3 text-base ${error ? "border-sale" : "border-gray-300"}`,
              } as const;
              const options = c.type === "BOOLEAN" ? ["Yes", "No"] : c.options;
              return (
                <div key={c.key} className="flex flex-col gap-1">
                  <label htmlFor={id} className="text-sm font-medium">{label}</label>
                  {c.type === "ENUM" || c.type === "BOOLEAN" || (c.type === "NUMBER" && c.options.length > 0) ? (
                    <select {...common} value={value} onChange={(event) => set(event.target.value)}>
                      <option value="">Not set</option>
                      {options.map((option) => <option key={option} value={option}>{option}</option>)}
                    </select>
                  ) : (
                    <input {...common} inputMode={c.type === "NUMBER" ? "decimal" : undefined} maxLength={200} value={value} onChange={(event) => set(event.target.value)} />
                  )}
                  {error ? <p id={`${id}-error`} className="text-sm text-sale">{error}</p> : null}
                </div>
              );
            })}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="images-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="images-title" className="text-lg font-semibold">Images</h2>
        <p className="text-sm text-muted">The first image is the one shoppers see in search. Up to {MAX_IMAGES} images.</p>
        <ImageUploader sellerId={sellerId} images={images} onChange={setImages} max={MAX_IMAGES} />
        {imagesError ? <p role="alert" className="text-sm text-sale">{imagesError}</p> : null}
      </section>

      <section aria-labelledby="variants-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="variants-title" className="text-lg font-semibold">Sizes, colours, prices and stock</h2>
        <p className="text-sm text-muted">
          Prices in {currency}, e.g. 1 299.00. “Price before discount” is optional: it is shown crossed out and must be higher than the price.
        </p>
        <VariantMatrix
          hasSizes={hasSizes}
          sizes={hasSizes ? sizes : []}
          colors={colors}
          rows={rows}
          warehouses={warehouses}
          stockCodes={stockCodes}
          currency={currency}
          onSizes={changeSizes}
          onColors={changeColors}
          onRows={setRows}
          onStockCodes={setStockCodes}
          errorFor={errorFor}
        />
        {variantsError ? <p role="alert" className="text-sm text-sale">{variantsError}</p> : null}
      </section>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-gray-200 bg-gray-50/95 py-3">
        {status ? <ListingStatusBadge status={status} /> : null}
        <Button type="submit" variant={status === "ACTIVE" ? "primary" : "secondary"} busy={(create.isPending || update.isPending) && !publish.isPending} disabled={busy}>
          {!listing || status === "DRAFT" ? "Save draft" : "Save changes"}
        </Button>
        {status !== "ACTIVE" && status !== "ARCHIVED" ? (
          <Button type="button" busy={publish.isPending} disabled={busy} onClick={() => void save(true)}>Publish</Button>
        ) : null}
        {status === "ACTIVE" ? (
          <Button type="button" variant="secondary" busy={unpublish.isPending} disabled={busy} onClick={() => void changeStatus("unpublish")}>Unpublish</Button>
        ) : null}
        {status === "ARCHIVED" ? (
          <Button type="button" variant="secondary" busy={unpublish.isPending} disabled={busy} onClick={() => void changeStatus("restore")}>Restore</Button>
        ) : null}
        {listing && status !== "ARCHIVED" ? (
          <Button type="button" variant="ghost" busy={archive.isPending} disabled={busy} onClick={() => void changeStatus("archive")}>Archive</Button>
        ) : null}
      </div>
    </form>
  );
}
