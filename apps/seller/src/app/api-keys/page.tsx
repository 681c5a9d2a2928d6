// API keys for the Seller REST API: create (the key is shown once), see when each was last used,
// revoke. Keys belong to one shop; a seller with several shops picks the shop with ?shop=<slug>.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { API_SCOPES, MAX_ACTIVE_API_KEYS } from "@market/domain/sellers";
import { serverCaller } from "@market/web/trpc-server";
import { CreateApiKeyForm } from "../../components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "../../components/api-keys/revoke-api-key-button";
import { dateTime, FilterLink } from "../../components/filter-link";
import { NotASeller } from "../../components/not-a-seller";

export const metadata: Metadata = { title: "API keys" };

const SCOPE_LABEL: Record<string, string> = Object.fromEntries(API_SCOPES.map((s) => [s.scope, s.label]));

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/api-keys");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const api = await serverCaller("seller");
  const shops = await api.sellers.myShops();
  if (shops.length === 0) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-muted">You are not a member of any shop yet. Create a shop first; its API keys are managed here.</p>
      </section>
    );
  }
  const requested = (await searchParams).shop;
  const shop = shops.find((s) => s.slug === requested) ?? shops[0]!;
  const keys = await api.apiKeys.list({ sellerId: shop.id });
  const activeCount = keys.filter((key) => !key.revokedAt).length;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-sm text-muted">
          Keys let your own scripts and systems use the Seller API for {shop.name}. Send a key as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Anyone with a key can act for your shop within its scopes: keep keys secret and revoke any you no longer use.
        </p>
      </div>

      {shops.length > 1 ? (
        <nav aria-label="Shop" className="flex flex-wrap gap-2">
          {shops.map((s) => (
            <FilterLink key={s.id} href={`/api-keys?shop=${encodeURIComponent(s.slug)}`} current={s.id === shop.id} label={s.name} />
          ))}
        </nav>
      ) : null}

      <CreateApiKeyForm key={shop.id} sellerId={shop.id} scopeOptions={API_SCOPES} atLimit={activeCount >= MAX_ACTIVE_API_KEYS} />

      <section aria-labelledby="keys-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="keys-title" className="text-lg font-semibold">
          Keys of {shop.name} <span className="font-normal text-muted">· {activeCount} of {MAX_ACTIVE_API_KEYS} active</span>
        </h2>
        {keys.length === 0 ? (
          <p className="text-muted">No API keys yet. Create one above to connect your warehouse, ERP or price tool.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">API keys of {shop.name}</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4">Name</th>
                  <th scope="col" className="py-2 pr-4">Key</th>
                  <th scope="col" className="py-2 pr-4">Scopes</th>
                  <th scope="col" className="py-2 pr-4">Created</th>
                  <th scope="col" className="py-2 pr-4">Last used</th>
                  <th scope="col" className="py-2 pr-4">Status</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} className={`border-t border-gray-100 align-top ${key.revokedAt ? "text-muted" : ""}`}>
                    <th scope="row" className="py-2 pr-4 font-medium">{key.name}</th>
                    <td className="py-2 pr-4 font-mono whitespace-nowrap">{key.prefix}_…</td>
                    <td className="py-2 pr-4">{key.scopes.map((s) => SCOPE_LABEL[s] ?? s).join(", ")}</td>
                    <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={key.createdAt.toISOString()}>{dateTime(key.createdAt)}</time></td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {key.lastUsedAt ? <time dateTime={key.lastUsedAt.toISOString()}>{dateTime(key.lastUsedAt)}</time> : "Never"}
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {key.revokedAt ? (
                        <>Revoked <time dateTime={key.revokedAt.toISOString()}>{dateTime(key.revokedAt)}</time></>
                      ) : (
                        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800">Active</span>
                      )}
                    </td>
                    <td className="py-2 text-right">
                      {key.revokedAt ? null : <RevokeApiKeyButton sellerId={shop.id} keyId={key.id} name={key.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
