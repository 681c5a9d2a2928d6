// Demo sign-ins. Their passwords are public on purpose (the setup screen and the e2e tests use
// them): this data is only meant for development, demo and test databases.
import { randomBytes } from "node:crypto";
import type { SellerDef } from "./catalogue-content.ts";

export type DemoRole = "CUSTOMER" | "SELLER" | "ADMIN";

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: DemoRole;
  /** Slug of the seller this account owns. */
  ownsSeller?: string;
}

export const DEMO_ACCOUNTS = {
  shopper: { email: "shopper@example.com", password: "shopper-demo-1", name: "Anna Petrova", role: "CUSTOMER" },
  seller: { email: "seller@example.com", password: "seller-demo-1", name: "Mikhail Sokolov", role: "SELLER", ownsSeller: "nordic-threads" },
  seller2: { email: "seller2@example.com", password: "seller-demo-2", name: "Irina Volkova", role: "SELLER", ownsSeller: "volga-electronics" },
  admin: { email: "admin@example.com", password: "admin-demo-1", name: "Demo Admin", role: "ADMIN" },
} as const satisfies Record<string, DemoAccount>;

/** Its presence means the demo data has been seeded (it is created in the same transaction). */
export const DEMO_MARKER_EMAIL = DEMO_ACCOUNTS.admin.email;

const OWNER_NAMES: Record<string, string> = {
  "ladoga-home": "Dmitry Lebedev",
  "little-taiga": "Olga Morozova",
  "amber-glow": "Alina Karimova",
  "altai-active": "Sergey Orlov",
  "neva-bazaar": "Elena Smirnova",
};

/**
 * Owners of the sellers nobody signs in as. They need a user row (a seller has an owner), but
 * their password is random and thrown away, so the account cannot be signed in to.
 */
export function generatedOwner(seller: SellerDef): DemoAccount {
  return {
    email: `owner@${seller.slug}.example.com`,
    password: randomBytes(24).toString("base64url"),
    name: OWNER_NAMES[seller.slug] ?? `${seller.name} Owner`,
    role: "SELLER",
    ownsSeller: seller.slug,
  };
}

/** Every account to create: the four demo sign-ins, then one owner per remaining seller. */
export function accountsFor(sellers: readonly SellerDef[]): DemoAccount[] {
  const demo: DemoAccount[] = Object.values(DEMO_ACCOUNTS);
  const owned = new Set(demo.map((account) => account.ownsSeller).filter(Boolean));
  return [...demo, ...sellers.filter((seller) => !owned.has(seller.slug)).map(generatedOwner)];
}
