import { accountsRouter } from "./routers/accounts.ts";
import { adminRouter } from "./routers/admin.ts";
import { apiKeysRouter } from "./routers/api-keys.ts";
import { cartRouter } from "./routers/cart.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { checkoutRouter } from "./routers/checkout.ts";
import { deliveryRouter } from "./routers/delivery.ts";
import { favouritesRouter } from "./routers/favourites.ts";
import { notificationsRouter } from "./routers/notifications.ts";
import { paymentsRouter } from "./routers/payments.ts";
import { ordersRouter } from "./routers/orders.ts";
import { productRouter } from "./routers/product.ts";
import { returnsRouter } from "./routers/returns.ts";
import { reviewsRouter } from "./routers/reviews.ts";
import { searchRouter } from "./routers/search.ts";
import { sellerDashboardRouter } from "./routers/seller-dashboard.ts";
import { sellerImportsRouter } from "./routers/seller-imports.ts";
import { listingsRouter } from "./routers/listings.ts";
import { sellerOrdersRouter } from "./routers/seller-orders.ts";
import { sellersRouter } from "./routers/sellers.ts";
import { systemRouter } from "./routers/system.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  system: systemRouter,
  admin: adminRouter,
  accounts: accountsRouter,
  catalog: catalogRouter,
  sellers: sellersRouter,
  product: productRouter,
  reviews: reviewsRouter,
  favourites: favouritesRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  delivery: deliveryRouter,
  search: searchRouter,
  payments: paymentsRouter,
  returns: returnsRouter,
  sellerOrders: sellerOrdersRouter,
  sellerDashboard: sellerDashboardRouter,
  sellerImports: sellerImportsRouter,
  listings: listingsRouter,
  apiKeys: apiKeysRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
