// Enums, model types and the Prisma namespace's browser-safe parts, for client components:
// the generated browser entry does not import `pg` or the query runtime.
export * from "./generated/prisma/browser.ts";
