"use client";
// "Create your shop": the shop's public name, legal details, contacts and an optional logo. The
// server validates everything (INN control digits included) and its field messages are shown next
// to each field. The logo is stored under the shop's id, so it is sent once the shop exists.
import { Alert, Button, TextAreaField, TextField } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useEffect, useState } from "react";
import { LogoPicker } from "../images/logo-picker";
import { precheck, UploadFailure, uploadImage } from "../images/upload-image";

type Fields = { name: string; legalName: string; taxId: string; contactEmail: string; contactPhone: string; description: string };
const EMPTY: Fields = { name: "", legalName: "", taxId: "", contactEmail: "", contactPhone: "", description: "" };

export function CreateShopForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<Fields>(EMPTY);
  const [logo, setLogo] = useState<{ file: File; previewUrl: string } | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [logoProgress, setLogoProgress] = useState<number | null>(null);
  // Set when the shop was created but its logo could not be saved: the shop exists either way.
  const [createdWithoutLogo, setCreatedWithoutLogo] = useState<{ slug: string; message: string } | null>(null);
  useEffect(() => () => (logo ? URL.revokeObjectURL(logo.previewUrl) : undefined), [logo]);

  const goToShop = (slug: string) => {
    router.push(`/?shop=${encodeURIComponent(slug)}`);
    router.refresh();
  };
  const saveLogo = useMutation(trpc.sellers.updateShop.mutationOptions());
  const create = useMutation(
    trpc.sellers.createShop.mutationOptions({
      onSuccess: async (shop) => {
        if (!logo) return goToShop(shop.slug);
        try {
          const uploaded = await uploadImage("logo", shop.id, logo.file, setLogoProgress);
          const { description, ...required } = values;
          await saveLogo.mutateAsync({ sellerId: shop.id, ...required, ...(description.trim() ? { description } : {}), logoStorageKey: uploaded.storageKey });
          goToShop(shop.slug);
        } catch (error) {
          const reason = error instanceof UploadFailure ? error.message : describeError(error).message;
          setCreatedWithoutLogo({ slug: shop.slug, message: `Your shop was created, but its logo could not be saved: ${reason}` });
        } finally {
          setLogoProgress(null);
        }
      },
    }),
  );
  const failure = create.error ? describeError(create.error) : null;
  const fieldError = (field: keyof Fields) => failure?.fields[field] ?? null;
  const hasFieldError = failure ? (Object.keys(EMPTY) as (keyof Fields)[]).some((field) => failure.fields[field]) : false;
  const otherError = failure && !hasFieldError ? failure.message : null;
  const set = (field: keyof Fields) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const descriptionError = fieldError("description");

  return (
    <form
      aria-label="Create your shop"
      noValidate
      className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6"
      onSubmit={(event) => {
        event.preventDefault();
        const { description, ...required } = values;
        create.mutate(description.trim() ? { ...required, description } : required);
      }}
    >
      <TextField
        label="Shop name"
        name="name"
        autoComplete="organization"
        required
        maxLength={80}
        hint="What shoppers see on your products and shop page, 2 to 80 characters. Your shop's web address is made from it."
        value={values.name}
        onChange={set("name")}
        error={fieldError("name")}
      />
      <TextField
        label="Legal name"
        name="legalName"
        autoComplete="off"
        required
        maxLength={160}
        hint="As registered, e.g. ООО «Ромашка» or ИП Иванов Иван Иванович."
        value={values.legalName}
        onChange={set("legalName")}
        error={fieldError("legalName")}
      />
      <TextField
        label="INN"
        name="taxId"
        autoComplete="off"
        inputMode="numeric"
        required
        maxLength={12}
        hint="Taxpayer number: 10 digits for a company, 12 for an individual entrepreneur."
        value={values.taxId}
        onChange={set("taxId")}
        error={fieldError("taxId")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Contact email"
          name="contactEmail"
          type="email"
          autoComplete="email"
          required
          hint="Where we send orders and payout notices."
          value={values.contactEmail}
          onChange={set("contactEmail")}
          error={fieldError("contactEmail")}
        />
        <TextField
          label="Contact phone"
          name="contactPhone"
          type="tel"
          autoComplete="tel"
          required
          hint="With the country code, e.g. +7 495 123-45-67."
          value={values.contactPhone}
          onChange={set("contactPhone")}
          error={fieldError("contactPhone")}
        />
      </div>
      <TextAreaField label="Description (optional)" name="description" maxLength={1000} hint="A few sentences about what you sell, in plain text. Up to 1000 characters." value={values.description} onChange={set("description")} error={descriptionError} />
      <LogoPicker
        previewUrl={logo?.previewUrl ?? null}
        error={logoError}
        progress={logoProgress}
        disabled={create.isPending || create.isSuccess}
        onSelect={(file) => {
          const problem = precheck(file);
          setLogoError(problem);
          setLogo(problem ? null : { file, previewUrl: URL.createObjectURL(file) });
        }}
        onRemove={() => {
          setLogo(null);
          setLogoError(null);
        }}
      />
      {hasFieldError ? <p role="alert" className="text-sm text-sale">Please correct the highlighted fields.</p> : null}
      {otherError ? <p role="alert" className="text-sm text-sale">{otherError}</p> : null}
      {createdWithoutLogo ? (
        <Alert tone="warning" title="Shop created">
          <p>{createdWithoutLogo.message}</p>
          <p className="mt-2 flex flex-wrap gap-4">
            <Link className="font-semibold underline" href={`/settings?shop=${encodeURIComponent(createdWithoutLogo.slug)}`}>Add the logo in Shop settings</Link>
            <Link className="font-semibold underline" href={`/?shop=${encodeURIComponent(createdWithoutLogo.slug)}`}>Go to your shop</Link>
          </p>
        </Alert>
      ) : (
        <Button type="submit" busy={create.isPending || create.isSuccess} className="self-start">Create shop</Button>
      )}
    </form>
  );
}
