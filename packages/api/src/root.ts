import { accountsRouter } from "./routers/accounts.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { sellersRouter } from "./routers/sellers.ts";
import { systemRouter } from "./routers/system.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  system: systemRouter,
  accounts: accountsRouter,
  catalog: catalogRouter,
  sellers: sellersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
