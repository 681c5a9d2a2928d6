// The Seller REST API reference, rendered from the same OpenAPI document the API serves at
// /api/seller/v1/openapi.json (itself generated from the operations' zod schemas), so this page
// cannot describe an API other than the one that runs. Public: nothing here is secret.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { buildOpenApiDocument, SELLER_API_BASE_PATH } from "@market/domain/seller-api";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, any>;
type Documented = { path: string; method: string; operation: Json };

const METHOD_TONE: Record<string, string> = {
  get: "bg-blue-100 text-blue-900",
  post: "bg-green-100 text-green-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

/** `code` and **bold** in the document's descriptions; everything else is plain text. */
function Inline({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("`") ? (
          <code key={i} className="rounded bg-gray-100 px-1 text-[0.9em]">
            {part.slice(1, -1)}
          </code>
        ) : part.startsWith("**") ? (
          <strong key={i}>{part.slice(2, -2)}</strong>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Paragraphs({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n\n+/).map((paragraph, i) => (
        <p key={i} className="text-sm leading-relaxed">
          <Inline text={paragraph} />
        </p>
      ))}
    </>
  );
}

function Schema({ label, schema }: { label: string; schema: unknown }) {
  return (
    <details className="rounded-lg border border-gray-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{label}</summary>
      <pre className="relative overflow-x-auto border-t border-gray-200 bg-gray-50 p-3 text-xs">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold uppercase tracking-wide text-muted">{title}</h4>
      {children}
    </div>
  );
}

const anchor = ({ method, path }: { method: string; path: string }) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "")}`;

function Operation({ path, method, operation }: Documented) {
  const parameters: Json[] = operation.parameters ?? [];
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  const responses = Object.entries(operation.responses ?? {}) as [string, Json][];
  const scopes: string[] | undefined = operation["x-scopes"];
  return (
    <article id={anchor({ method, path })} aria-labelledby={`${anchor({ method, path })}-title`} className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
      <header className="flex flex-col gap-2">
        <h3 id={`${anchor({ method, path })}-title`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          <span className={`rounded-md px-2 py-0.5 font-mono text-sm uppercase ${METHOD_TONE[method] ?? "bg-gray-100"}`}>{method}</span>
          <code className="break-all font-mono text-base">
            {SELLER_API_BASE_PATH}
            {path}
          </code>
        </h3>
        <p className="font-medium">{operation.summary}</p>
        <p className="text-sm">
          {scopes ? (
            <>
              Scope:{" "}
              {scopes.map((scope, i) => (
                <span key={scope}>
                  {i > 0 ? " or " : ""}
                  <code className="rounded bg-gray-100 px-1">{scope}</code>
                </span>
              ))}
            </>
          ) : (
            "No API key needed."
          )}
        </p>
      </header>
      <div className="flex flex-col gap-2">
        <Paragraphs text={operation.description?.replace(/\n\n(Scope: .*|No API key needed\.)$/, "")} />
      </div>

      {parameters.length > 0 ? (
        <Section title="Parameters">
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-gray-200">
                  <th scope="col" className="py-1 pr-3">Name</th>
                  <th scope="col" className="py-1 pr-3">In</th>
                  <th scope="col" className="py-1 pr-3">Schema</th>
                  <th scope="col" className="py-1">Description</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-gray-100 align-top">
                    <td className="py-1 pr-3 font-mono">
                      {parameter.name}
                      {parameter.required ? <span className="text-red-700"> (required)</span> : null}
                    </td>
                    <td className="py-1 pr-3">{parameter.in}</td>
                    <td className="py-1 pr-3 font-mono text-xs">{JSON.stringify(parameter.schema)}</td>
                    <td className="py-1">{parameter.description ? <Inline text={parameter.description} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}

      {body ? (
        <Section title="Request body (JSON)">
          <Schema label="Request body schema" schema={body} />
        </Section>
      ) : null}

      <Section title="Responses">
        <ul className="flex flex-col gap-2">
          {responses.map(([status, response]) => {
            const schema = response.content?.["application/json"]?.schema;
            const ok = status.startsWith("2");
            return (
              <li key={status} className="flex flex-col gap-1">
                <p className="text-sm">
                  <span className={`mr-2 rounded px-1.5 py-0.5 font-mono text-xs ${ok ? "bg-green-100 text-green-900" : "bg-gray-100"}`}>{status}</span>
                  <Inline text={response.description ?? ""} />
                </p>
                {ok && schema ? <Schema label={`${status} response schema`} schema={schema} /> : null}
              </li>
            );
          })}
        </ul>
      </Section>
    </article>
  );
}

export default function ApiDocsPage() {
  const document = buildOpenApiDocument() as Json;
  const operations: Documented[] = Object.entries(document.paths as Record<string, Json>).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Json>).map(([method, operation]) => ({ path, method, operation })),
  );
  const tags: string[] = (document.tags as { name: string }[]).map((tag) => tag.name);
  const errorCodes = Object.entries(document["x-error-codes"] as Record<string, { status: number; description: string }>);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Seller API reference</h1>
        <p className="text-sm text-muted">
          {document.info.title} {document.info.version} · OpenAPI document:{" "}
          <a href={`${SELLER_API_BASE_PATH}/openapi.json`} className="underline">
            {SELLER_API_BASE_PATH}/openapi.json
          </a>
        </p>
        <Paragraphs text={document.info.description} />
        <Section title="Example">
          <pre className="relative overflow-x-auto rounded-lg bg-ink p-3 text-xs text-white">{`curl -X POST https://<portal>${SELLER_API_BASE_PATH}/stocks \\
  -H "Authorization: Bearer $MARKET_API_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $(uuidgen)" \\
  -d '{"stocks":[{"sku":"<your SKU>","warehouseCode":"<warehouse code>","quantity":25}]}'`}</pre>
        </Section>
      </div>

      <nav aria-label="Operations" className="rounded-2xl bg-white p-4 shadow-sm">
        <ul className="flex flex-col gap-3 text-sm">
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#tag-${tag.replace(/\W+/g, "-")}`} className="font-semibold underline">
                {tag}
              </a>
              <ul className="mt-1 flex flex-col gap-1 pl-3">
                {operations
                  .filter((entry) => entry.operation.tags?.[0] === tag)
                  .map((entry) => (
                    <li key={anchor(entry)}>
                      <a href={`#${anchor(entry)}`} className="hover:underline">
                        <span className="font-mono uppercase">{entry.method}</span> {entry.path}: {entry.operation.summary}
                      </a>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#error-codes" className="font-semibold underline">
              Error codes
            </a>
          </li>
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag} id={`tag-${tag.replace(/\W+/g, "-")}`} aria-labelledby={`tag-${tag.replace(/\W+/g, "-")}-title`} className="flex flex-col gap-4">
          <h2 id={`tag-${tag.replace(/\W+/g, "-")}-title`} className="text-xl font-bold">
            {tag}
          </h2>
          {operations
            .filter((entry) => entry.operation.tags?.[0] === tag)
            .map((entry) => (
              <Operation key={anchor(entry)} {...entry} />
            ))}
        </section>
      ))}

      <section id="error-codes" aria-labelledby="error-codes-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="error-codes-title" className="text-xl font-bold">
          Error codes
        </h2>
        <p className="text-sm">
          Every error is <code className="rounded bg-gray-100 px-1">{`{"error": {"code", "message", "details"?}}`}</code>. Branch on the code; show the message to people.
        </p>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-gray-200">
                <th scope="col" className="py-1 pr-3">Status</th>
                <th scope="col" className="py-1 pr-3">Code</th>
                <th scope="col" className="py-1">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {errorCodes.map(([code, { status, description }]) => (
                <tr key={code} className="border-b border-gray-100 align-top">
                  <td className="py-1 pr-3 font-mono">{status}</td>
                  <td className="py-1 pr-3 font-mono">{code}</td>
                  <td className="py-1">
                    <Inline text={description} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Schema label="Error schema" schema={document.components.schemas.Error} />
      </section>
    </div>
  );
}
