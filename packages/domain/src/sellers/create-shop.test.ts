// Onboarding: a seller creates a shop with checked legal details, gets a server-made slug and
// becomes its OWNER; nothing the marketplace owns (status, rating, slug) can be set by the client.
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createUser } from "../testing/shop-fixtures.ts";
import { createShop, INN_MESSAGE, isValidInn, MAX_OWNED_SHOPS, slugFromName, type CreateShopInput } from "./create-shop.ts";

const prisma = () => getPrisma();

async function sellerUser() {
  const user = await createUser("Shop Founder");
  await prisma().user.update({ where: { id: user.id }, data: { role: "SELLER" } });
  return user;
}

const valid = (overrides: Partial<CreateShopInput> = {}): CreateShopInput => ({
  name: "Nordic Knitwear",
  legalName: "ООО «Нордик»",
  taxId: "7707083893",
  contactEmail: "shop@example.com",
  contactPhone: "+7 495 123-45-67",
  ...overrides,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as { name?: string; code?: string; message: string; issues?: { path: PropertyKey[]; message: string }[] },
  );

describe("createShop", () => {
  it("creates an ONBOARDING shop with the user as OWNER and returns id, slug and name", async () => {
    const user = await sellerUser();
    const shop = await createShop(user.id, valid({ name: "  Birch & Pine Studio  ", contactEmail: " Hello@Example.COM ", description: "Hand-made wooden toys." }));

    expect(shop).toEqual({ id: expect.any(String), slug: "birch-and-pine-studio", name: "Birch & Pine Studio" });
    const row = await prisma().seller.findUniqueOrThrow({ where: { id: shop.id }, include: { members: true } });
    expect(row).toMatchObject({
      status: "ONBOARDING",
      ratingSum: 0,
      ratingCount: 0,
      legalName: "ООО «Нордик»",
      taxId: "7707083893",
      contactEmail: "hello@example.com",
      contactPhone: "+74951234567",
      description: "Hand-made wooden toys.",
    });
    expect(row.members).toEqual([expect.objectContaining({ userId: user.id, role: "OWNER" })]);
  });

  it("stores no description when it is left empty", async () => {
    const user = await sellerUser();
    const shop = await createShop(user.id, valid({ name: "Empty Blurb Shop", description: "   " }));
    expect((await prisma().seller.findUniqueOrThrow({ where: { id: shop.id } })).description).toBeNull();
  });

  it("makes the slug from a Cyrillic name and adds -2, -3 on collision", async () => {
    const user = await sellerUser();
    expect(slugFromName("Волга Электроника")).toBe("volga-elektronika");
    expect(slugFromName("Щедрый Ёжик — лучшие вещи!")).toBe("shchedryy-ezhik-luchshie-veshchi");
    expect(slugFromName("Café Noël")).toBe("cafe-noel");

    const first = await createShop(user.id, valid({ name: "Волга Электроника" }));
    const second = await createShop(user.id, valid({ name: "ВОЛГА  электроника!" }));
    const third = await createShop(user.id, valid({ name: "Волга-Электроника" }));
    expect([first.slug, second.slug, third.slug]).toEqual(["volga-elektronika", "volga-elektronika-2", "volga-elektronika-3"]);
  });

  it("falls back to a generic slug when the name has no letters it can use", async () => {
    const user = await sellerUser();
    const shop = await createShop(user.id, valid({ name: "東京堂" }));
    expect(shop.slug).toMatch(/^shop(-\d+)?$/);
  });

  it("checks the INN control digits", async () => {
    for (const inn of ["7707083893", "7736207543", "500100732259"]) expect(isValidInn(inn), inn).toBe(true);
    for (const inn of ["7707083894", "500100732258", "500100732269", "770708389", "77070838931", "77070838a3", "", "0000000001"]) {
      expect(isValidInn(inn), inn).toBe(false);
    }

    const user = await sellerUser();
    const error = await failure(createShop(user.id, valid({ name: "Bad INN Shop", taxId: "1234567890" })));
    expect(error?.issues?.[0]).toMatchObject({ path: ["taxId"], message: INN_MESSAGE });
    await expect(createShop(user.id, valid({ name: "Good IP Shop", taxId: " 500100732259 " }))).resolves.toMatchObject({ name: "Good IP Shop" });
  });

  it("validates every field with a message a person can act on", async () => {
    const user = await sellerUser();
    const cases: [Partial<CreateShopInput>, string][] = [
      [{ name: " A " }, "name"],
      [{ name: "x".repeat(81) }, "name"],
      [{ legalName: "" }, "legalName"],
      [{ legalName: "x".repeat(161) }, "legalName"],
      [{ contactEmail: "not-an-email" }, "contactEmail"],
      [{ contactPhone: "12345" }, "contactPhone"],
      [{ contactPhone: "+7 495 123 45 67 89 01 23" }, "contactPhone"],
      [{ contactPhone: "+7 (495) abc-45-67" }, "contactPhone"],
      [{ description: "x".repeat(1001) }, "description"],
      [{ description: "Nice <script>alert(1)</script>" }, "description"],
    ];
    for (const [override, field] of cases) {
      const error = await failure(createShop(user.id, valid(override)));
      expect(error?.name, JSON.stringify(override)).toBe("ZodError");
      expect(error?.issues?.[0]?.path, JSON.stringify(override)).toEqual([field]);
    }
    expect(await prisma().sellerMember.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses fields the marketplace owns (status, rating, slug) instead of ignoring them", async () => {
    const user = await sellerUser();
    for (const extra of [{ status: "ACTIVE" }, { ratingSum: 500, ratingCount: 100 }, { slug: "nordic-threads" }, { id: crypto.randomUUID() }]) {
      const error = await failure(createShop(user.id, { ...valid({ name: "Sneaky Shop" }), ...extra } as CreateShopInput));
      expect(error?.name).toBe("ZodError");
      expect(error?.message).toContain("cannot be set");
      for (const key of Object.keys(extra)) expect(error?.message).toContain(key);
    }
    expect(await prisma().seller.count({ where: { name: "Sneaky Shop" } })).toBe(0);
  });

  it(`refuses a ${MAX_OWNED_SHOPS + 1}th owned shop with CONFLICT`, async () => {
    const user = await sellerUser();
    for (let i = 1; i <= MAX_OWNED_SHOPS; i++) await createShop(user.id, valid({ name: `Chain Store ${i}` }));
    const error = await failure(createShop(user.id, valid({ name: "Chain Store 6" })));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`own ${MAX_OWNED_SHOPS} shops`) });
    expect(await prisma().seller.count({ where: { name: "Chain Store 6" } })).toBe(0);

    // Concurrent attempts cannot slip past the limit either.
    const other = await sellerUser();
    const results = await Promise.allSettled(
      Array.from({ length: MAX_OWNED_SHOPS + 2 }, (_, i) => createShop(other.id, valid({ name: `Race Shop ${i}` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_OWNED_SHOPS);
    expect(await prisma().sellerMember.count({ where: { userId: other.id, role: "OWNER" } })).toBe(MAX_OWNED_SHOPS);
  });
});
