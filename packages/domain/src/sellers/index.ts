export { listMyShops } from "./list-my-shops.ts";
