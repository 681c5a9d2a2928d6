export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { COOKIES, type ApiContext, type SessionUser, type Role, type SetCookie } from "./context.ts";
