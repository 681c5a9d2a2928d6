"use client";
// "Create API key": a name and the scopes. The key comes back once, in plaintext, and is shown in
// a panel until the seller dismisses it; the server keeps only its hash, so it cannot be shown again.
import { Button, TextField } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { NewApiKeyPanel } from "./new-api-key-panel";

export type ScopeOption = { scope: "READ" | "CATALOG_WRITE" | "STOCK_PRICES_WRITE" | "ORDERS"; label: string; description: string };

export function CreateApiKeyForm({ sellerId, scopeOptions, atLimit }: { sellerId: string; scopeOptions: readonly ScopeOption[]; atLimit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ScopeOption["scope"][]>(["READ"]);
  const [clientError, setClientError] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => {
        setName("");
        setScopes(["READ"]);
        router.refresh();
      },
    }),
  );
  const failure = create.error ? describeError(create.error) : null;
  const scopesError = clientError ?? failure?.fields.scopes ?? null;
  const nameError = failure?.fields.name ?? null;
  const otherError = failure && !failure.fields.scopes && !failure.fields.name ? failure.message : null;

  if (create.data) {
    return <NewApiKeyPanel apiKey={create.data.key} name={create.data.apiKey.name} onDone={() => create.reset()} />;
  }

  const toggle = (scope: ScopeOption["scope"], on: boolean) => {
    setClientError(null);
    setScopes((current) => (on ? [...current.filter((s) => s !== scope), scope] : current.filter((s) => s !== scope)));
  };

  return (
    <section aria-labelledby={`${formId}-title`} className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id={`${formId}-title`} className="text-lg font-semibold">Create API key</h2>
      {atLimit ? (
        <p className="text-sm text-muted">This shop has 20 active keys, the most it can have. Revoke a key you no longer use to create a new one.</p>
      ) : (
        <form
          aria-labelledby={`${formId}-title`}
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            // The server validates too; checking here only saves a round trip for the obvious case.
            if (scopes.length === 0) {
              setClientError("Choose at least one scope");
              return;
            }
            const ordered = scopeOptions.map((o) => o.scope).filter((s) => scopes.includes(s));
            create.mutate({ sellerId, name, scopes: ordered });
          }}
        >
          <TextField
            label="Key name"
            name="name"
            autoComplete="off"
            required
            maxLength={60}
            hint="Where the key is used, e.g. “Warehouse sync” or “1C export”. Up to 60 characters."
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={nameError}
            className="max-w-md"
          />
          <fieldset className="flex flex-col gap-2" aria-describedby={scopesError ? `${formId}-scopes-error` : `${formId}-scopes-hint`}>
            <legend className="text-sm font-medium">Scopes</legend>
            <p id={`${formId}-scopes-hint`} className="text-xs text-muted">
              Give a key only what its script needs. Write scopes do not include reading: tick Read as well if the script needs to look things up.
            </p>
            {scopeOptions.map((option) => {
              const id = `${formId}-scope-${option.scope}`;
              return (
                <div key={option.scope} className="flex items-start gap-3">
                  <input
                    id={id}
                    type="checkbox"
                    name="scopes"
                    value={option.scope}
                    checked={scopes.includes(option.scope)}
                    onChange={(event) => toggle(option.scope, event.target.checked)}
                    aria-describedby={`${id}-description`}
                    className="mt-1 size-5 accent-brand-600"
                  />
                  <div className="flex flex-col">
                    <label htmlFor={id} className="text-sm font-medium">{option.label}</label>
                    <span id={`${id}-description`} className="text-xs text-muted">{option.description}</span>
                  </div>
                </div>
              );
            })}
            {scopesError ? <p id={`${formId}-scopes-error`} role="alert" className="text-sm text-sale">{scopesError}</p> : null}
          </fieldset>
          {otherError ? <p role="alert" className="text-sm text-sale">{otherError}</p> : null}
          <Button type="submit" busy={create.isPending} className="self-start">Create API key</Button>
        </form>
      )}
    </section>
  );
}
