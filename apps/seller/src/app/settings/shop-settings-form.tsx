"use client";
// The settings form: onboarding's fields and rules (validated again on the server) plus the logo,
// which is uploaded as soon as it is chosen and saved with the rest.
import type { ShopSettings } from "@market/domain/sellers";
import { Alert, Button, TextAreaField, TextField } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LogoPicker } from "../../components/images/logo-picker";
import { precheck, UploadFailure, uploadImage } from "../../components/images/upload-image";

type Fields = { name: string; legalName: string; taxId: string; contactEmail: string; contactPhone: string; description: string };
const FIELD_NAMES: (keyof Fields | "logoStorageKey")[] = ["name", "legalName", "taxId", "contactEmail", "contactPhone", "description", "logoStorageKey"];

type Logo = { url: string | null; storageKey: string | null; changed: boolean };

export function ShopSettingsForm({ initial }: { initial: ShopSettings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<Fields>({
    name: initial.name,
    legalName: initial.legalName,
    taxId: initial.taxId,
    contactEmail: initial.contactEmail,
    contactPhone: initial.contactPhone,
    description: initial.description,
  });
  const [logo, setLogo] = useState<Logo>({ url: initial.logoUrl, storageKey: initial.logoStorageKey, changed: false });
  const [logoError, setLogoError] = useState<string | null>(null);
  const [logoProgress, setLogoProgress] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);

  const save = useMutation(
    trpc.sellers.updateShop.mutationOptions({
      onSuccess: (result) => {
        setSaved(true);
        setLogo({ url: result.logoUrl, storageKey: result.logoStorageKey, changed: false });
        router.refresh();
      },
    }),
  );
  const failure = save.error ? describeError(save.error) : null;
  const fieldError = (field: keyof Fields | "logoStorageKey") => failure?.fields[field] ?? null;
  const hasFieldError = failure ? FIELD_NAMES.some((field) => failure.fields[field]) : false;
  const otherError = failure && !hasFieldError ? failure.message : null;
  const set = (field: keyof Fields) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  async function chooseLogo(file: File) {
    setSaved(false);
    const problem = precheck(file);
    setLogoError(problem);
    if (problem) return;
    setLogoProgress(0);
    try {
      const uploaded = await uploadImage("logo", initial.id, file, setLogoProgress);
      setLogo({ url: uploaded.url, storageKey: uploaded.storageKey, changed: true });
    } catch (error) {
      setLogoError(error instanceof UploadFailure ? error.message : "The logo could not be uploaded. Please try again.");
    } finally {
      setLogoProgress(null);
    }
  }

  const descriptionError = fieldError("description");
  const readOnly = !initial.canEdit;

  return (
    <form
      aria-label="Shop settings"
      noValidate
      className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6"
      onSubmit={(event) => {
        event.preventDefault();
        const { description, ...required } = values;
        save.mutate({
          sellerId: initial.id,
          ...required,
          ...(description.trim() ? { description } : {}),
          ...(logo.changed ? { logoStorageKey: logo.storageKey } : {}),
        });
      }}
    >
      {readOnly ? <Alert tone="info">Only the shop&apos;s owner can change these settings.</Alert> : null}
      <fieldset disabled={readOnly || save.isPending} className="flex flex-col gap-4">
        <legend className="sr-only">Shop details</legend>
        <TextField label="Shop name" name="name" autoComplete="organization" required maxLength={80} hint="What shoppers see on your products and shop page. Changing it does not change your shop's web address." value={values.name} onChange={set("name")} error={fieldError("name")} />
        <TextAreaField label="Description (optional)" name="description" maxLength={1000} hint="A few sentences about what you sell, in plain text. Up to 1000 characters." value={values.description} onChange={set("description")} error={descriptionError} />
        <LogoPicker
          previewUrl={logo.url}
          error={logoError ?? fieldError("logoStorageKey")}
          progress={logoProgress}
          disabled={readOnly || logoProgress !== null}
          onSelect={(file) => void chooseLogo(file)}
          onRemove={() => {
            setSaved(false);
            setLogoError(null);
            setLogo({ url: null, storageKey: null, changed: true });
          }}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Contact email" name="contactEmail" type="email" autoComplete="email" required hint="Where we send orders and payout notices." value={values.contactEmail} onChange={set("contactEmail")} error={fieldError("contactEmail")} />
          <TextField label="Contact phone" name="contactPhone" type="tel" autoComplete="tel" required hint="With the country code, e.g. +7 495 123-45-67." value={values.contactPhone} onChange={set("contactPhone")} error={fieldError("contactPhone")} />
        </div>
        <TextField label="Legal name" name="legalName" autoComplete="off" required maxLength={160} hint="As registered, e.g. ООО «Ромашка» or ИП Иванов Иван Иванович." value={values.legalName} onChange={set("legalName")} error={fieldError("legalName")} />
        <TextField label="INN" name="taxId" autoComplete="off" inputMode="numeric" required maxLength={12} hint="Taxpayer number: 10 digits for a company, 12 for an individual entrepreneur." value={values.taxId} onChange={set("taxId")} error={fieldError("taxId")} />
      </fieldset>
      {hasFieldError ? <p role="alert" className="text-sm text-sale">Please correct the highlighted fields.</p> : null}
      {otherError ? <p role="alert" className="text-sm text-sale">{otherError}</p> : null}
      {saved ? <Alert tone="success">Settings saved.</Alert> : null}
      {readOnly ? null : (
        <Button type="submit" busy={save.isPending} disabled={logoProgress !== null} className="self-start">
          Save settings
        </Button>
      )}
    </form>
  );
}
