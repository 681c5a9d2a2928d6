export { appRouter, createCaller, type AppRouter } from "./root.ts";
export type { ApiContext, SessionUser, Role } from "./context.ts";
