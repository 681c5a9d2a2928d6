// Hand-written content the demo catalogue is generated from: the category tree, what each
// category sells, its characteristics and size charts, the colours, and the invented brands.
// Brand and seller names are made up on purpose: the demo must not look like it sells real
// trademarks.
import type { ImageShape } from "./images.ts";

// ---------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------

export interface Colour {
  name: string;
  /** Short code used in SKUs, e.g. "BLK". */
  code: string;
  hex: string;
}

const colourList = [
  { name: "Black", code: "BLK", hex: "#23232a" },
  { name: "White", code: "WHT", hex: "#f3f2ee" },
  { name: "Graphite", code: "GRF", hex: "#4a4e57" },
  { name: "Grey", code: "GRY", hex: "#9a9ca3" },
  { name: "Silver", code: "SLV", hex: "#c5c9d0" },
  { name: "Navy", code: "NVY", hex: "#263a5e" },
  { name: "Sky Blue", code: "SKY", hex: "#7fb4e0" },
  { name: "Denim Blue", code: "DNM", hex: "#4f6f9c" },
  { name: "Midnight Blue", code: "MNB", hex: "#1f2a48" },
  { name: "Beige", code: "BGE", hex: "#d9c3a5" },
  { name: "Sand", code: "SND", hex: "#c9ae86" },
  { name: "Camel", code: "CML", hex: "#b0814f" },
  { name: "Chocolate", code: "CHC", hex: "#5c3b2a" },
  { name: "Red", code: "RED", hex: "#c8323a" },
  { name: "Burgundy", code: "BRG", hex: "#7a2232" },
  { name: "Coral", code: "CRL", hex: "#ef7e68" },
  { name: "Pink", code: "PNK", hex: "#eba1b8" },
  { name: "Rose Gold", code: "RSG", hex: "#d7a08c" },
  { name: "Lavender", code: "LVD", hex: "#ac9bd6" },
  { name: "Plum", code: "PLM", hex: "#6d3b67" },
  { name: "Emerald", code: "EMR", hex: "#1f8a64" },
  { name: "Olive", code: "OLV", hex: "#6f7440" },
  { name: "Khaki", code: "KHK", hex: "#8f8a5d" },
  { name: "Mint", code: "MNT", hex: "#9fdcc4" },
  { name: "Mustard", code: "MST", hex: "#d6a531" },
  { name: "Yellow", code: "YLW", hex: "#f2cf4a" },
  { name: "Orange", code: "ORG", hex: "#ee8a2f" },
  { name: "Terracotta", code: "TRC", hex: "#c0633f" },
  { name: "Turquoise", code: "TRQ", hex: "#2fb3ad" },
  { name: "Milk", code: "MLK", hex: "#efe6d6" },
  { name: "Nude", code: "NUD", hex: "#e0b59b" },
  { name: "Berry", code: "BRY", hex: "#9c2a5a" },
  { name: "Natural Wood", code: "WOD", hex: "#b98a5a" },
] as const satisfies readonly Colour[];

export type ColourCode = (typeof colourList)[number]["code"];

export const COLOURS: ReadonlyMap<ColourCode, Colour> = new Map(colourList.map((c) => [c.code, c]));

export function colour(code: ColourCode): Colour {
  const found = COLOURS.get(code);
  if (!found) throw new Error(`unknown colour ${code}`);
  return found;
}

const APPAREL: ColourCode[] = ["BLK", "WHT", "NVY", "BGE", "GRY", "BRG", "EMR", "OLV", "SKY", "PNK", "MST", "TRC", "LVD", "MLK", "CML", "CHC"];
const DENIM: ColourCode[] = ["DNM", "NVY", "BLK", "SKY", "GRY", "BGE", "KHK", "MLK"];
const OUTERWEAR: ColourCode[] = ["BLK", "CML", "BGE", "KHK", "OLV", "NVY", "GRF", "BRG", "MLK", "CHC"];
const SHOES: ColourCode[] = ["BLK", "WHT", "CHC", "BGE", "CML", "GRY", "NVY", "BRG", "MLK", "OLV"];
const KIDS: ColourCode[] = ["YLW", "SKY", "PNK", "MNT", "ORG", "RED", "LVD", "NVY", "EMR", "TRQ", "CRL", "GRY"];
const HOME: ColourCode[] = ["WHT", "MLK", "BGE", "GRF", "TRC", "OLV", "MST", "SKY", "PNK", "EMR", "WOD", "BLK", "SND"];
const GADGETS: ColourCode[] = ["BLK", "WHT", "GRF", "SLV", "MNB", "RSG", "EMR", "LVD", "SKY", "CRL"];
const BEAUTY: ColourCode[] = ["PNK", "NUD", "CRL", "WHT", "MNT", "LVD", "BRY", "RSG", "MLK", "SKY", "YLW", "PLM"];
const MAKEUP: ColourCode[] = ["NUD", "RED", "BRY", "CRL", "PNK", "PLM", "CHC", "RSG", "BRG", "BGE"];
const SPORT: ColourCode[] = ["BLK", "GRF", "NVY", "TRQ", "CRL", "LVD", "EMR", "ORG", "SKY", "WHT", "OLV", "RED"];

// ---------------------------------------------------------------------------
// Characteristics
// ---------------------------------------------------------------------------

export type CharacteristicType = "TEXT" | "NUMBER" | "BOOLEAN" | "ENUM";

export interface CharacteristicDef {
  key: string;
  name: string;
  nameRu: string;
  type: CharacteristicType;
  unit?: string;
  options?: readonly string[];
  /** NUMBER values are drawn from `options` when given, else from [min, max] in steps of `step`. */
  range?: { min: number; max: number; step: number };
  /** TEXT values are drawn from these. */
  samples?: readonly string[];
  required?: boolean;
  filterable?: boolean;
}

const enumOf = (key: string, name: string, nameRu: string, options: readonly string[], extra: Partial<CharacteristicDef> = {}): CharacteristicDef => ({
  key,
  name,
  nameRu,
  type: "ENUM",
  options,
  filterable: true,
  ...extra,
});
const numberOf = (key: string, name: string, nameRu: string, unit: string, range: CharacteristicDef["range"], extra: Partial<CharacteristicDef> = {}): CharacteristicDef => ({
  key,
  name,
  nameRu,
  type: "NUMBER",
  unit,
  range,
  ...extra,
});
const yesNo = (key: string, name: string, nameRu: string, extra: Partial<CharacteristicDef> = {}): CharacteristicDef => ({
  key,
  name,
  nameRu,
  type: "BOOLEAN",
  filterable: true,
  ...extra,
});
const textOf = (key: string, name: string, nameRu: string, samples: readonly string[]): CharacteristicDef => ({ key, name, nameRu, type: "TEXT", samples });

const country = (options: readonly string[]) => enumOf("country", "Country of origin", "Страна производства", options, { required: true });
const CLOTHES_COUNTRIES = ["Russia", "Belarus", "Kyrgyzstan", "Uzbekistan", "Turkey", "China", "Bangladesh", "Vietnam", "India"];
const GOODS_COUNTRIES = ["Russia", "China", "Belarus", "Turkey", "Poland", "Serbia", "Vietnam"];
const BEAUTY_COUNTRIES = ["Russia", "South Korea", "France", "Italy", "Belarus", "Poland", "Israel"];
const season = enumOf("season", "Season", "Сезон", ["All-season", "Summer", "Demi-season", "Winter"]);
const fit = enumOf("fit", "Fit", "Посадка", ["Regular", "Slim", "Relaxed", "Oversized"]);
const care = textOf("care", "Care", "Уход", ["Machine wash at 30 °C", "Machine wash at 40 °C", "Hand wash only", "Dry clean only", "Gentle cycle, do not tumble dry"]);
const upper = enumOf("upper", "Upper material", "Материал верха", ["Genuine leather", "Suede", "Eco leather", "Textile", "Knit mesh", "Nubuck"], { required: true });
const sole = enumOf("sole", "Sole material", "Материал подошвы", ["Rubber", "EVA", "TPR", "Polyurethane"]);
const lining = enumOf("lining", "Lining", "Материал подкладки", ["Textile", "Genuine leather", "Faux fur", "Wool", "Unlined"]);
const volumeMl = (values: readonly string[]) => enumOf("volume", "Volume", "Объём", values, { unit: "ml", required: true });
const vegan = yesNo("vegan", "Vegan formula", "Веганский состав");

// ---------------------------------------------------------------------------
// Size charts
// ---------------------------------------------------------------------------

// A type alias rather than an interface, so it is assignable to Prisma's JSON input type.
export type SizeChart = {
  unit: "cm";
  columns: { key: string; label: string; labelRu: string }[];
  /** One row per size; `size` is the label variants use, the other keys are the columns. */
  rows: Record<string, string>[];
};

function chart(columns: SizeChart["columns"], rows: string[][]): SizeChart {
  return {
    unit: "cm",
    columns,
    rows: rows.map((cells) => Object.fromEntries(columns.map((column, i) => [column.key, cells[i] ?? ""]))),
  };
}

const SIZE = { key: "size", label: "Size", labelRu: "Размер" };
const RU_SIZE = { key: "ru", label: "Russian size", labelRu: "Российский размер" };

const WOMEN_CLOTHING_CHART = chart(
  [SIZE, RU_SIZE, { key: "bust", label: "Bust", labelRu: "Обхват груди" }, { key: "waist", label: "Waist", labelRu: "Обхват талии" }, { key: "hips", label: "Hips", labelRu: "Обхват бёдер" }],
  [
    ["XS", "42", "82–85", "62–65", "88–91"],
    ["S", "44", "86–89", "66–69", "92–95"],
    ["M", "46", "90–93", "70–73", "96–99"],
    ["L", "48", "94–97", "74–77", "100–103"],
    ["XL", "50", "98–101", "78–81", "104–107"],
    ["XXL", "52", "102–105", "82–85", "108–111"],
  ],
);
const MEN_CLOTHING_CHART = chart(
  [SIZE, RU_SIZE, { key: "chest", label: "Chest", labelRu: "Обхват груди" }, { key: "waist", label: "Waist", labelRu: "Обхват талии" }, { key: "neck", label: "Neck", labelRu: "Обхват шеи" }],
  [
    ["S", "46", "90–93", "76–79", "38"],
    ["M", "48", "94–97", "80–83", "39"],
    ["L", "50", "98–101", "84–87", "40–41"],
    ["XL", "52", "102–105", "88–91", "42"],
    ["XXL", "54", "106–109", "92–95", "43"],
    ["3XL", "56", "110–113", "96–99", "44"],
  ],
);
const SPORT_CHART = chart(
  [SIZE, RU_SIZE, { key: "chest", label: "Chest", labelRu: "Обхват груди" }, { key: "waist", label: "Waist", labelRu: "Обхват талии" }, { key: "hips", label: "Hips", labelRu: "Обхват бёдер" }],
  [
    ["XS", "42", "80–84", "62–66", "86–90"],
    ["S", "44", "85–89", "67–71", "91–95"],
    ["M", "46–48", "90–96", "72–80", "96–102"],
    ["L", "50", "97–102", "81–88", "103–108"],
    ["XL", "52–54", "103–110", "89–96", "109–114"],
    ["XXL", "56", "111–116", "97–104", "115–120"],
  ],
);
const KIDS_CLOTHING_CHART = chart(
  [SIZE, { key: "age", label: "Age", labelRu: "Возраст" }, { key: "height", label: "Height", labelRu: "Рост" }, { key: "chest", label: "Chest", labelRu: "Обхват груди" }],
  [
    ["92", "2 years", "87–92", "52"],
    ["98", "3 years", "93–98", "54"],
    ["104", "4 years", "99–104", "56"],
    ["110", "5 years", "105–110", "58"],
    ["116", "6 years", "111–116", "60"],
    ["122", "7 years", "117–122", "62"],
    ["128", "8 years", "123–128", "64"],
    ["134", "9 years", "129–134", "66"],
    ["140", "10 years", "135–140", "68"],
  ],
);
const shoeChart = (rows: [string, string][]) =>
  chart(
    [{ key: "size", label: "EU size", labelRu: "Размер (EU)" }, RU_SIZE, { key: "footLength", label: "Foot length", labelRu: "Длина стопы" }],
    rows.map(([eu, foot]) => [eu, eu, foot]),
  );
const WOMEN_SHOES_CHART = shoeChart([["36", "23.0"], ["37", "23.5"], ["38", "24.5"], ["39", "25.0"], ["40", "25.5"], ["41", "26.5"]]);
const MEN_SHOES_CHART = shoeChart([["40", "25.5"], ["41", "26.5"], ["42", "27.0"], ["43", "27.5"], ["44", "28.5"], ["45", "29.0"]]);
const KIDS_SHOES_CHART = shoeChart([["24", "15.0"], ["25", "15.5"], ["26", "16.5"], ["27", "17.0"], ["28", "17.5"], ["29", "18.5"], ["30", "19.0"], ["31", "19.5"], ["32", "20.5"], ["33", "21.0"]]);
const RUNNING_SHOES_CHART = shoeChart([["36", "23.0"], ["37", "23.5"], ["38", "24.5"], ["39", "25.0"], ["40", "25.5"], ["41", "26.5"], ["42", "27.0"], ["43", "27.5"], ["44", "28.5"], ["45", "29.0"]]);

export function sizesOf(sizeChart: SizeChart): string[] {
  return sizeChart.rows.map((row) => row.size ?? "").filter((size) => size !== "");
}

// ---------------------------------------------------------------------------
// Category tree
// ---------------------------------------------------------------------------

/** Which description templates fit the category (see DESCRIPTIONS below). */
export type DescriptionKind = "apparel" | "shoes" | "toys" | "school" | "home" | "kitchen" | "electronics" | "beauty" | "fragrance" | "sportsGear";

export interface ProductTypeDef {
  name: string;
  shape: ImageShape;
  /** Overrides the category's price range, in roubles. */
  priceRub?: [number, number];
  /** Characteristic key -> the values that make sense for this type (a puffer is not for summer). */
  values?: Readonly<Record<string, readonly string[]>>;
  /** Replaces the category's adjectives for this type. */
  adjectives?: readonly string[];
}

export interface LeafCategoryDef {
  slug: string;
  name: string;
  nameRu: string;
  /** Relative share of the catalogue's products. */
  weight: number;
  sizeChart?: SizeChart;
  priceRub: [number, number];
  colours: readonly ColourCode[];
  maxColours: number;
  adjectives: readonly string[];
  types: readonly ProductTypeDef[];
  characteristics: readonly CharacteristicDef[];
  /** Characteristic keys whose values are appended to the title, as marketplaces do for gadgets. */
  titleSpecs?: readonly string[];
  /** False where the colour is only the packaging (a serum is not "Sky Blue"). */
  colourInTitle?: boolean;
  description: DescriptionKind;
}

export interface DepartmentDef {
  slug: string;
  name: string;
  nameRu: string;
  children: readonly LeafCategoryDef[];
}

const apparelCharacteristics = (materials: readonly string[], countries = CLOTHES_COUNTRIES): CharacteristicDef[] => [
  enumOf("material", "Material", "Материал", materials, { required: true }),
  season,
  fit,
  country(countries),
  care,
];
const shoeCharacteristics = (extra: CharacteristicDef[] = []): CharacteristicDef[] => [upper, lining, sole, season, ...extra, country(["Russia", "Turkey", "China", "Vietnam", "Italy", "Portugal", "Belarus"])];

export const DEPARTMENTS: readonly DepartmentDef[] = [
  {
    slug: "women",
    name: "Women",
    nameRu: "Женщинам",
    children: [
      {
        slug: "dresses",
        name: "Dresses",
        nameRu: "Платья",
        weight: 130,
        sizeChart: WOMEN_CLOTHING_CHART,
        priceRub: [1490, 8990],
        colours: APPAREL,
        maxColours: 3,
        adjectives: ["Flowing", "Pleated", "Belted", "Floral", "Ribbed", "Satin", "Tiered", "Linen", "Elegant", "Everyday"],
        types: [
          { name: "Midi Dress", shape: "dress", values: { length: ["Midi"] } },
          { name: "Maxi Dress", shape: "dress", values: { length: ["Maxi"] } },
          { name: "Wrap Dress", shape: "dress" },
          { name: "Shirt Dress", shape: "dress" },
          { name: "Slip Dress", shape: "dress", values: { material: ["Satin", "Viscose", "Silk"] } },
          { name: "Knit Dress", shape: "dress", values: { material: ["Knitwear"], season: ["Demi-season", "Winter"] } },
        ],
        characteristics: [...apparelCharacteristics(["Cotton", "Viscose", "Linen", "Satin", "Knitwear", "Chiffon", "Polyester"]), enumOf("length", "Length", "Длина", ["Mini", "Knee-length", "Midi", "Maxi"])],
        description: "apparel",
      },
      {
        slug: "blouses-shirts",
        name: "Blouses & Shirts",
        nameRu: "Блузки и рубашки",
        weight: 90,
        sizeChart: WOMEN_CLOTHING_CHART,
        priceRub: [990, 4990],
        colours: APPAREL,
        maxColours: 3,
        adjectives: ["Silky", "Oversized", "Cropped", "Classic", "Ruffled", "Striped", "Airy", "Tailored"],
        types: [
          { name: "Blouse", shape: "blouse" },
          { name: "Silk Blouse", shape: "blouse", values: { material: ["Silk"] } },
          { name: "Oversized Shirt", shape: "shirt" },
          { name: "Tunic", shape: "blouse" },
        ],
        characteristics: apparelCharacteristics(["Cotton", "Viscose", "Silk", "Linen", "Chiffon", "Polyester"]),
        description: "apparel",
      },
      {
        slug: "womens-trousers",
        name: "Jeans & Trousers",
        nameRu: "Джинсы и брюки",
        weight: 90,
        sizeChart: WOMEN_CLOTHING_CHART,
        priceRub: [1490, 5990],
        colours: DENIM,
        maxColours: 2,
        adjectives: ["High-Rise", "Wide-Leg", "Straight", "Cropped", "Stretch", "Relaxed", "Tapered"],
        types: [
          { name: "Mom Jeans", shape: "trousers", values: { material: ["Denim"], rise: ["High"] } },
          { name: "Straight Jeans", shape: "trousers", values: { material: ["Denim"] } },
          { name: "Palazzo Trousers", shape: "trousers" },
          { name: "Culottes", shape: "trousers" },
          { name: "Pleated Skirt", shape: "skirt" },
        ],
        characteristics: [...apparelCharacteristics(["Denim", "Cotton", "Wool blend", "Viscose", "Linen"]), enumOf("rise", "Rise", "Посадка на талии", ["Low", "Mid", "High"])],
        description: "apparel",
      },
      {
        slug: "womens-outerwear",
        name: "Outerwear",
        nameRu: "Верхняя одежда",
        weight: 70,
        sizeChart: WOMEN_CLOTHING_CHART,
        priceRub: [3990, 19990],
        colours: OUTERWEAR,
        maxColours: 2,
        adjectives: ["Quilted", "Double-Breasted", "Belted", "Cosy", "Water-Repellent", "Longline", "Cropped"],
        types: [
          { name: "Trench Coat", shape: "coat", values: { material: ["Cotton", "Polyester"], season: ["Demi-season"], insulation: ["None"] } },
          { name: "Wool Coat", shape: "coat", values: { material: ["Wool blend"], season: ["Demi-season", "Winter"], insulation: ["None", "Wool lining"] } },
          { name: "Puffer Jacket", shape: "jacket", values: { material: ["Polyester", "Nylon"], season: ["Winter"], insulation: ["Synthetic down", "Duck down"] } },
          { name: "Denim Jacket", shape: "jacket", values: { material: ["Denim"], season: ["Demi-season", "Summer"], insulation: ["None"] }, adjectives: ["Cropped", "Classic", "Oversized", "Washed"] },
        ],
        characteristics: [...apparelCharacteristics(["Wool blend", "Polyester", "Cotton", "Nylon", "Denim"]), enumOf("insulation", "Insulation", "Утеплитель", ["None", "Synthetic down", "Duck down", "Wool lining"])],
        description: "apparel",
      },
      {
        slug: "womens-shoes",
        name: "Shoes",
        nameRu: "Обувь",
        weight: 90,
        sizeChart: WOMEN_SHOES_CHART,
        priceRub: [1990, 9990],
        colours: SHOES,
        maxColours: 2,
        adjectives: ["Soft", "Chunky", "Classic", "Lightweight", "Pointed", "Everyday"],
        types: [
          { name: "Ankle Boots", shape: "boot", values: { upper: ["Genuine leather", "Suede", "Eco leather", "Nubuck"] } },
          { name: "Ballet Flats", shape: "flat", values: { heel: ["Flat"], season: ["Summer", "Demi-season"], lining: ["Genuine leather", "Textile"] } },
          { name: "Loafers", shape: "flat", values: { heel: ["Flat", "Low (up to 3 cm)"], lining: ["Genuine leather", "Textile"] } },
          { name: "Sneakers", shape: "sneaker" },
          { name: "Chelsea Boots", shape: "boot", values: { upper: ["Genuine leather", "Suede", "Eco leather"] } },
        ],
        characteristics: shoeCharacteristics([enumOf("heel", "Heel height", "Высота каблука", ["Flat", "Low (up to 3 cm)", "Medium (3–6 cm)", "High (over 6 cm)"])]),
        description: "shoes",
      },
    ],
  },
  {
    slug: "men",
    name: "Men",
    nameRu: "Мужчинам",
    children: [
      {
        slug: "mens-shirts",
        name: "Shirts",
        nameRu: "Рубашки",
        weight: 80,
        sizeChart: MEN_CLOTHING_CHART,
        priceRub: [1290, 5490],
        colours: APPAREL,
        maxColours: 3,
        adjectives: ["Oxford", "Linen", "Checked", "Slim", "Brushed", "Classic", "Casual"],
        types: [
          { name: "Button-Down Shirt", shape: "shirt" },
          { name: "Flannel Shirt", shape: "shirt", values: { material: ["Flannel"], season: ["Demi-season", "Winter"] }, adjectives: ["Checked", "Brushed", "Classic", "Relaxed"] },
          { name: "Overshirt", shape: "shirt" },
          { name: "Dress Shirt", shape: "shirt" },
        ],
        characteristics: apparelCharacteristics(["Cotton", "Linen", "Flannel", "Cotton blend", "Denim"]),
        description: "apparel",
      },
      {
        slug: "mens-tshirts",
        name: "T-Shirts & Polos",
        nameRu: "Футболки и поло",
        weight: 90,
        sizeChart: MEN_CLOTHING_CHART,
        priceRub: [590, 2990],
        colours: APPAREL,
        maxColours: 3,
        adjectives: ["Basic", "Heavyweight", "Organic", "Relaxed", "Pique", "Striped", "Washed"],
        types: [
          { name: "T-Shirt", shape: "tshirt" },
          { name: "Polo Shirt", shape: "tshirt" },
          { name: "Longsleeve", shape: "longsleeve" },
          { name: "Hoodie", shape: "hoodie", priceRub: [1990, 4990], values: { material: ["Cotton", "Cotton blend"] } },
        ],
        characteristics: apparelCharacteristics(["Cotton", "Organic cotton", "Cotton blend", "Jersey", "Pique cotton"]),
        description: "apparel",
      },
      {
        slug: "mens-trousers",
        name: "Trousers & Jeans",
        nameRu: "Брюки и джинсы",
        weight: 80,
        sizeChart: MEN_CLOTHING_CHART,
        priceRub: [1490, 5990],
        colours: DENIM,
        maxColours: 2,
        adjectives: ["Slim", "Straight", "Tapered", "Stretch", "Relaxed", "Utility"],
        types: [
          { name: "Slim Jeans", shape: "trousers", values: { material: ["Denim"], fit: ["Slim"] } },
          { name: "Chinos", shape: "trousers", values: { material: ["Cotton twill", "Cotton"] } },
          { name: "Cargo Trousers", shape: "trousers" },
          { name: "Joggers", shape: "trousers", values: { material: ["Cotton blend", "Cotton"], fit: ["Relaxed", "Regular"] } },
        ],
        characteristics: apparelCharacteristics(["Denim", "Cotton", "Cotton twill", "Wool blend", "Cotton blend"]),
        description: "apparel",
      },
      {
        slug: "mens-jackets",
        name: "Jackets & Coats",
        nameRu: "Куртки и пальто",
        weight: 70,
        sizeChart: MEN_CLOTHING_CHART,
        priceRub: [3990, 21990],
        colours: OUTERWEAR,
        maxColours: 2,
        adjectives: ["Insulated", "Windproof", "Quilted", "Classic", "Waterproof", "Lightweight"],
        types: [
          { name: "Bomber Jacket", shape: "jacket", values: { season: ["Demi-season"], insulation: ["None", "Fleece lining", "Synthetic down"] } },
          { name: "Parka", shape: "coat", values: { season: ["Winter"], insulation: ["Synthetic down", "Duck down"] } },
          { name: "Field Jacket", shape: "jacket", values: { material: ["Cotton", "Nylon"], season: ["Demi-season"], insulation: ["None", "Fleece lining"] } },
          { name: "Wool Overcoat", shape: "coat", values: { material: ["Wool blend"], season: ["Demi-season", "Winter"], insulation: ["None"] }, adjectives: ["Classic", "Double-Breasted", "Tailored", "Longline"] },
        ],
        characteristics: [...apparelCharacteristics(["Polyester", "Nylon", "Wool blend", "Cotton", "Softshell"]), enumOf("insulation", "Insulation", "Утеплитель", ["None", "Synthetic down", "Duck down", "Fleece lining"])],
        description: "apparel",
      },
      {
        slug: "mens-shoes",
        name: "Shoes",
        nameRu: "Обувь",
        weight: 80,
        sizeChart: MEN_SHOES_CHART,
        priceRub: [2490, 11990],
        colours: SHOES,
        maxColours: 2,
        adjectives: ["Classic", "Rugged", "Lightweight", "Leather", "Everyday", "Waterproof"],
        types: [
          { name: "Derby Shoes", shape: "flat" },
          { name: "Chelsea Boots", shape: "boot", values: { upper: ["Genuine leather", "Suede", "Eco leather"] } },
          { name: "Sneakers", shape: "sneaker" },
          { name: "Hiking Boots", shape: "boot", values: { upper: ["Nubuck", "Suede", "Genuine leather"], sole: ["Rubber"] } },
        ],
        characteristics: shoeCharacteristics(),
        description: "shoes",
      },
    ],
  },
  {
    slug: "kids",
    name: "Kids",
    nameRu: "Детям",
    children: [
      {
        slug: "kids-clothing",
        name: "Kids' Clothing",
        nameRu: "Одежда для детей",
        weight: 90,
        sizeChart: KIDS_CLOTHING_CHART,
        priceRub: [490, 3490],
        colours: KIDS,
        maxColours: 3,
        adjectives: ["Cosy", "Playful", "Soft", "Printed", "Organic", "Bright", "Fleece"],
        types: [
          { name: "Hoodie", shape: "hoodie" },
          { name: "T-Shirt", shape: "tshirt" },
          { name: "Pyjama Set", shape: "longsleeve" },
          { name: "Tracksuit Trousers", shape: "trousers" },
          { name: "Summer Dress", shape: "dress", values: { gender: ["Girls"], season: ["Summer"], material: ["Cotton", "Organic cotton"] } },
        ],
        characteristics: [...apparelCharacteristics(["Cotton", "Organic cotton", "Fleece", "Cotton blend", "Jersey"], ["Russia", "Belarus", "Kyrgyzstan", "Uzbekistan", "Turkey", "China"]), enumOf("gender", "Gender", "Пол", ["Girls", "Boys", "Unisex"])],
        description: "apparel",
      },
      {
        slug: "kids-shoes",
        name: "Kids' Shoes",
        nameRu: "Детская обувь",
        weight: 60,
        sizeChart: KIDS_SHOES_CHART,
        priceRub: [990, 4490],
        colours: KIDS,
        maxColours: 2,
        adjectives: ["Light", "Bouncy", "Waterproof", "Breathable", "First-Step", "Sturdy"],
        types: [
          { name: "Sneakers", shape: "sneaker" },
          { name: "Rain Boots", shape: "boot", values: { upper: ["Rubber"], lining: ["Textile", "Faux fur"], fastening: ["Slip-on"], season: ["Demi-season"] }, adjectives: ["Waterproof", "Bright", "Sturdy"] },
          { name: "Sandals", shape: "flat", values: { season: ["Summer"], lining: ["Genuine leather", "Unlined"], fastening: ["Hook and loop"] }, adjectives: ["Light", "Breathable", "Bouncy"] },
        ],
        characteristics: shoeCharacteristics([enumOf("fastening", "Fastening", "Застёжка", ["Hook and loop", "Laces", "Slip-on", "Zip"])]),
        description: "shoes",
      },
      {
        slug: "toys",
        name: "Toys",
        nameRu: "Игрушки",
        weight: 80,
        priceRub: [390, 4990],
        colours: KIDS,
        maxColours: 2,
        adjectives: ["Cuddly", "Wooden", "Educational", "Classic", "Colourful", "Musical"],
        types: [
          { name: "Plush Bear", shape: "teddy", values: { material: ["Plush"], pieces: ["1"], age: ["0+", "1+", "3+"] } },
          { name: "Building Blocks Set", shape: "blocks", values: { material: ["ABS plastic", "Wood"], pieces: ["24", "48", "60", "100", "120"], age: ["3+", "5+", "8+"] } },
          { name: "Stacking Tower", shape: "blocks", values: { material: ["Wood", "Silicone"], pieces: ["6", "8", "10"], age: ["0+", "1+"] } },
          { name: "Plush Bunny", shape: "teddy", priceRub: [490, 2490], values: { material: ["Plush"], pieces: ["1"], age: ["0+", "1+", "3+"] } },
        ],
        characteristics: [
          enumOf("age", "Age", "Возраст", ["0+", "1+", "3+", "5+", "8+"], { required: true }),
          enumOf("material", "Material", "Материал", ["Plush", "Wood", "ABS plastic", "Cardboard", "Silicone"]),
          numberOf("pieces", "Pieces in set", "Количество деталей", "pcs", { min: 1, max: 120, step: 1 }),
          country(["Russia", "China", "Belarus", "Vietnam", "Poland"]),
        ],
        description: "toys",
      },
      {
        slug: "school",
        name: "School Supplies",
        nameRu: "Школа и канцелярия",
        weight: 50,
        priceRub: [190, 5990],
        colours: KIDS,
        maxColours: 3,
        adjectives: ["Ergonomic", "Lightweight", "Roomy", "Reflective", "Durable", "Compact"],
        types: [
          { name: "School Backpack", shape: "backpack", priceRub: [1990, 5990], values: { material: ["Polyester", "Nylon", "Eco leather", "Canvas"] } },
          { name: "Pencil Case", shape: "pencilCase", priceRub: [290, 1290], values: { material: ["Polyester", "Eco leather", "Canvas"], reflective: ["No"] } },
          { name: "Sketchbook", shape: "notebook", priceRub: [190, 790], values: { material: ["Paper"], reflective: ["No"] } },
        ],
        characteristics: [
          enumOf("material", "Material", "Материал", ["Polyester", "Nylon", "Eco leather", "Paper", "Canvas"]),
          enumOf("age", "Age", "Возраст", ["6+", "7+", "10+", "12+"]),
          yesNo("reflective", "Reflective details", "Светоотражающие элементы"),
          country(GOODS_COUNTRIES),
        ],
        description: "school",
      },
    ],
  },
  {
    slug: "home",
    name: "Home",
    nameRu: "Дом",
    children: [
      {
        slug: "lighting",
        name: "Lighting",
        nameRu: "Освещение",
        weight: 60,
        priceRub: [990, 12990],
        colours: HOME,
        maxColours: 3,
        adjectives: ["Minimalist", "Scandinavian", "Dimmable", "Ceramic", "Rattan", "Industrial"],
        types: [
          { name: "Table Lamp", shape: "lamp", values: { height: ["40", "45", "52", "60"] } },
          { name: "Floor Lamp", shape: "lamp", priceRub: [3990, 14990], values: { height: ["140", "150", "160"] } },
          { name: "Bedside Lamp", shape: "lamp", values: { height: ["30", "35", "38"] } },
          { name: "Night Light", shape: "lamp", priceRub: [590, 1990], values: { height: ["15", "18", "22"], base: ["Integrated LED"] } },
        ],
        characteristics: [
          enumOf("material", "Material", "Материал", ["Metal", "Ceramic", "Glass", "Wood", "Rattan", "Fabric"], { required: true }),
          enumOf("base", "Bulb base", "Цоколь", ["E27", "E14", "GU10", "Integrated LED"]),
          enumOf("colourTemperature", "Colour temperature", "Цветовая температура", ["2700 K", "3000 K", "4000 K", "Adjustable"]),
          numberOf("height", "Height", "Высота", "cm", { min: 25, max: 160, step: 5 }),
          country(GOODS_COUNTRIES),
        ],
        description: "home",
      },
      {
        slug: "kitchen",
        name: "Kitchen & Dining",
        nameRu: "Посуда и кухня",
        weight: 90,
        priceRub: [490, 8990],
        colours: HOME,
        maxColours: 3,
        adjectives: ["Non-Stick", "Enamelled", "Heavy-Duty", "Ceramic", "Classic", "Stackable"],
        types: [
          { name: "Frying Pan", shape: "pan", priceRub: [1290, 6990], values: { size: ["24 cm", "26 cm", "28 cm"], material: ["Cast iron", "Aluminium with non-stick coating", "Stainless steel"] } },
          { name: "Saucepan", shape: "pot", priceRub: [1490, 7990], values: { size: ["1.5 l", "2 l", "3 l", "4.5 l"], material: ["Stainless steel", "Cast iron", "Aluminium with non-stick coating"] } },
          { name: "Mug Set", shape: "mug", priceRub: [590, 2490], values: { size: ["2 × 350 ml", "4 × 300 ml", "6 × 250 ml"], material: ["Ceramic", "Porcelain", "Glass"], induction: ["No"] } },
          { name: "Teapot", shape: "teapot", priceRub: [990, 3990], values: { size: ["0.8 l", "1 l", "1.2 l"], material: ["Ceramic", "Porcelain", "Glass"], induction: ["No"] } },
        ],
        characteristics: [
          enumOf("material", "Material", "Материал", ["Stainless steel", "Cast iron", "Aluminium with non-stick coating", "Ceramic", "Porcelain", "Glass"], { required: true }),
          yesNo("dishwasher", "Dishwasher safe", "Можно мыть в посудомоечной машине"),
          yesNo("induction", "Induction compatible", "Подходит для индукции"),
          textOf("size", "Size", "Размер", ["24 cm", "1.5 l"]),
          country(GOODS_COUNTRIES),
        ],
        description: "kitchen",
      },
      {
        slug: "home-textiles",
        name: "Home Textiles",
        nameRu: "Домашний текстиль",
        weight: 80,
        priceRub: [490, 7990],
        colours: HOME,
        maxColours: 3,
        adjectives: ["Soft", "Waffle", "Linen", "Velvet", "Knitted", "Stonewashed"],
        types: [
          { name: "Cushion", shape: "pillow", priceRub: [590, 2490], values: { dimensions: ["45 × 45 cm", "50 × 50 cm", "40 × 60 cm"] } },
          { name: "Throw Blanket", shape: "blanket", priceRub: [1490, 5990], values: { dimensions: ["130 × 170 cm", "150 × 200 cm"] } },
          { name: "Bed Linen Set", shape: "blanket", priceRub: [2490, 7990], values: { dimensions: ["Single", "Double", "Euro", "Family"], material: ["Cotton", "Linen", "Satin"] } },
          { name: "Bath Towel", shape: "towel", priceRub: [490, 1990], values: { dimensions: ["50 × 90 cm", "70 × 140 cm", "100 × 150 cm"], material: ["Cotton"], density: ["450 g/m²", "500 g/m²"] } },
        ],
        characteristics: [
          enumOf("material", "Material", "Материал", ["Cotton", "Linen", "Satin", "Velvet", "Microfibre", "Wool blend"], { required: true }),
          textOf("dimensions", "Dimensions", "Размеры", ["45 × 45 cm", "50 × 70 cm", "130 × 170 cm", "150 × 200 cm", "70 × 140 cm", "200 × 220 cm"]),
          enumOf("density", "Fabric density", "Плотность ткани", ["120 g/m²", "160 g/m²", "300 g/m²", "450 g/m²"]),
          country(["Russia", "Belarus", "Turkey", "Uzbekistan", "India", "Kazakhstan"]),
        ],
        description: "home",
      },
      {
        slug: "decor",
        name: "Decor",
        nameRu: "Декор",
        weight: 60,
        priceRub: [390, 5990],
        colours: HOME,
        maxColours: 2,
        adjectives: ["Handmade", "Ribbed", "Matte", "Rustic", "Sculptural", "Scented"],
        types: [
          { name: "Vase", shape: "vase", values: { material: ["Ceramic", "Glass", "Concrete"] } },
          { name: "Scented Candle", shape: "candle", priceRub: [390, 1990], values: { material: ["Soy wax"], height: ["8", "10", "12"] } },
          { name: "Plant Pot", shape: "planter", values: { material: ["Ceramic", "Concrete"] } },
          { name: "Wall Clock", shape: "clock", priceRub: [990, 4990], values: { material: ["Wood", "Metal", "Glass"], height: ["30", "35", "40"] } },
        ],
        characteristics: [
          enumOf("material", "Material", "Материал", ["Ceramic", "Glass", "Concrete", "Soy wax", "Wood", "Metal"], { required: true }),
          enumOf("style", "Style", "Стиль", ["Scandinavian", "Minimalist", "Boho", "Classic", "Loft"]),
          numberOf("height", "Height", "Высота", "cm", { min: 8, max: 45, step: 1 }),
          country(GOODS_COUNTRIES),
        ],
        description: "home",
      },
    ],
  },
  {
    slug: "electronics",
    name: "Electronics",
    nameRu: "Электроника",
    children: [
      {
        slug: "smartphones",
        name: "Smartphones",
        nameRu: "Смартфоны",
        weight: 70,
        priceRub: [8990, 89990],
        colours: GADGETS,
        maxColours: 3,
        adjectives: ["Pro", "Lite", "Max", "Neo", "Plus", "Ultra"],
        types: [{ name: "Smartphone", shape: "phone" }],
        characteristics: [
          numberOf("screen", "Screen size", "Диагональ экрана", "in", { min: 6.1, max: 6.9, step: 0.1 }, { required: true, filterable: true }),
          enumOf("storage", "Built-in memory", "Встроенная память", ["64 GB", "128 GB", "256 GB", "512 GB"], { required: true }),
          enumOf("ram", "RAM", "Оперативная память", ["4 GB", "6 GB", "8 GB", "12 GB"]),
          numberOf("battery", "Battery capacity", "Ёмкость аккумулятора", "mAh", { min: 4000, max: 6000, step: 100 }),
          yesNo("nfc", "NFC", "NFC"),
          country(["China", "Vietnam", "India", "Russia"]),
        ],
        titleSpecs: ["storage"],
        description: "electronics",
      },
      {
        slug: "laptops",
        name: "Laptops",
        nameRu: "Ноутбуки",
        weight: 50,
        priceRub: [32990, 159990],
        colours: ["GRF", "SLV", "BLK", "MNB", "WHT"],
        maxColours: 2,
        adjectives: ["Slim", "Ultralight", "Performance", "Creator", "Everyday", "Gaming"],
        types: [
          { name: "Laptop", shape: "laptop" },
          { name: "Ultrabook", shape: "laptop" },
        ],
        characteristics: [
          numberOf("screen", "Screen size", "Диагональ экрана", "in", undefined, { options: ["13.3", "14", "15.6", "16", "17.3"], required: true, filterable: true }),
          enumOf("ram", "RAM", "Оперативная память", ["8 GB", "16 GB", "32 GB"], { required: true }),
          enumOf("storage", "SSD", "Объём SSD", ["256 GB", "512 GB", "1 TB", "2 TB"]),
          numberOf("weight", "Weight", "Вес", "kg", { min: 1.1, max: 2.6, step: 0.1 }),
          country(["China", "Vietnam", "Russia", "Taiwan"]),
        ],
        titleSpecs: ["ram", "storage"],
        description: "electronics",
      },
      {
        slug: "headphones",
        name: "Headphones",
        nameRu: "Наушники",
        weight: 70,
        priceRub: [990, 24990],
        colours: GADGETS,
        maxColours: 3,
        adjectives: ["Wireless", "Noise-Cancelling", "Studio", "Sport", "Compact", "Bass"],
        types: [
          { name: "Over-Ear Headphones", shape: "headphones" },
          { name: "Wireless Earbuds", shape: "earbuds", values: { connection: ["Bluetooth 5.3", "Bluetooth 5.4"], battery: ["24", "30", "36"] } },
          { name: "On-Ear Headphones", shape: "headphones" },
        ],
        characteristics: [
          enumOf("connection", "Connection", "Подключение", ["Bluetooth 5.3", "Bluetooth 5.4", "Wired 3.5 mm", "USB-C"], { required: true }),
          numberOf("battery", "Battery life", "Время работы", "h", { min: 6, max: 60, step: 2 }),
          yesNo("anc", "Active noise cancelling", "Активное шумоподавление"),
          enumOf("waterproof", "Water resistance", "Влагозащита", ["None", "IPX4", "IPX5", "IP67"]),
          country(["China", "Vietnam", "Russia"]),
        ],
        description: "electronics",
      },
      {
        slug: "wearables",
        name: "Smartwatches & Bands",
        nameRu: "Умные часы и браслеты",
        weight: 50,
        priceRub: [1990, 34990],
        colours: GADGETS,
        maxColours: 3,
        adjectives: ["Active", "Classic", "Sport", "Slim", "Adventure", "Smart"],
        types: [
          { name: "Smartwatch", shape: "watch" },
          { name: "Fitness Band", shape: "watch", priceRub: [1490, 5990], values: { screen: ["1.1", "1.5", "1.6"], gps: ["No"] } },
        ],
        characteristics: [
          numberOf("screen", "Screen size", "Диагональ экрана", "in", { min: 1.1, max: 2, step: 0.1 }, { filterable: true }),
          numberOf("battery", "Battery life", "Время работы", "days", { min: 2, max: 21, step: 1 }),
          yesNo("gps", "Built-in GPS", "Встроенный GPS"),
          enumOf("waterproof", "Water resistance", "Влагозащита", ["IP68", "5 ATM", "10 ATM"]),
          country(["China", "Vietnam"]),
        ],
        description: "electronics",
      },
      {
        slug: "speakers",
        name: "Portable Speakers",
        nameRu: "Портативная акустика",
        weight: 40,
        priceRub: [1490, 19990],
        colours: GADGETS,
        maxColours: 3,
        adjectives: ["Rugged", "Compact", "Party", "Waterproof", "Mini", "Boom"],
        types: [
          { name: "Portable Speaker", shape: "speaker" },
          { name: "Smart Speaker", shape: "speaker" },
        ],
        characteristics: [
          numberOf("power", "Output power", "Мощность", "W", { min: 5, max: 60, step: 5 }, { filterable: true }),
          numberOf("battery", "Battery life", "Время работы", "h", { min: 6, max: 30, step: 2 }),
          enumOf("waterproof", "Water resistance", "Влагозащита", ["None", "IPX5", "IPX7", "IP67"]),
          enumOf("connection", "Connection", "Подключение", ["Bluetooth 5.3", "Bluetooth 5.4", "Wi-Fi and Bluetooth"]),
          country(["China", "Vietnam", "Russia"]),
        ],
        description: "electronics",
      },
    ],
  },
  {
    slug: "beauty",
    name: "Beauty",
    nameRu: "Красота",
    children: [
      {
        slug: "skincare",
        colourInTitle: false,
        name: "Skincare",
        nameRu: "Уход за лицом",
        weight: 70,
        priceRub: [390, 3990],
        colours: BEAUTY,
        maxColours: 1,
        adjectives: ["Hydrating", "Brightening", "Soothing", "Gentle", "Firming", "Clarifying"],
        types: [
          { name: "Face Serum", shape: "dropper", values: { volume: ["15", "30", "50"] } },
          { name: "Moisturising Cream", shape: "jar", values: { volume: ["50", "75"] } },
          { name: "Cleansing Gel", shape: "tube", values: { volume: ["150", "200"] } },
          { name: "Toner", shape: "pumpBottle", values: { volume: ["150", "200", "250"] } },
        ],
        characteristics: [
          volumeMl(["30", "50", "100", "150", "200"]),
          enumOf("skinType", "Skin type", "Тип кожи", ["All skin types", "Dry", "Oily", "Combination", "Sensitive"], { required: true }),
          textOf("ingredients", "Key ingredients", "Активные компоненты", ["Hyaluronic acid, panthenol", "Niacinamide, zinc", "Vitamin C, ferulic acid", "Ceramides, squalane", "Centella asiatica, allantoin", "Peptides, shea butter"]),
          vegan,
          country(BEAUTY_COUNTRIES),
        ],
        description: "beauty",
      },
      {
        slug: "makeup",
        name: "Makeup",
        nameRu: "Макияж",
        weight: 60,
        priceRub: [290, 2990],
        colours: MAKEUP,
        maxColours: 3,
        adjectives: ["Velvet", "Long-Wear", "Satin", "Matte", "Glossy", "Natural"],
        types: [
          { name: "Lipstick", shape: "lipstick" },
          { name: "Lip Gloss", shape: "lipstick" },
          { name: "Eyeshadow Palette", shape: "palette", priceRub: [690, 2990] },
          { name: "Foundation", shape: "pumpBottle" },
        ],
        characteristics: [
          enumOf("finish", "Finish", "Финиш", ["Matte", "Satin", "Glossy", "Natural", "Shimmer"], { required: true }),
          enumOf("wear", "Wear time", "Стойкость", ["Up to 6 hours", "Up to 12 hours", "Up to 24 hours"]),
          yesNo("crueltyFree", "Cruelty-free", "Не тестируется на животных"),
          country(BEAUTY_COUNTRIES),
        ],
        description: "beauty",
      },
      {
        slug: "fragrance",
        colourInTitle: false,
        name: "Fragrance",
        nameRu: "Парфюмерия",
        weight: 50,
        priceRub: [990, 12990],
        colours: ["PNK", "NUD", "SKY", "YLW", "LVD", "MNT", "BRY", "MLK"],
        maxColours: 1,
        adjectives: ["Velvet", "Citrus", "Woody", "Amber", "Fresh", "Floral"],
        types: [
          { name: "Eau de Parfum", shape: "perfume" },
          { name: "Eau de Toilette", shape: "perfume" },
          { name: "Body Mist", shape: "pumpBottle", priceRub: [490, 1990], values: { volume: ["100", "150", "200"] } },
        ],
        characteristics: [
          volumeMl(["30", "50", "75", "100"]),
          enumOf("family", "Fragrance family", "Семейство аромата", ["Floral", "Woody", "Citrus", "Oriental", "Fresh", "Gourmand"], { required: true }),
          textOf("notes", "Top notes", "Верхние ноты", ["Bergamot, pink pepper", "Pear, freesia", "Grapefruit, mint", "Black currant, rose", "Cardamom, lemon", "Mandarin, neroli"]),
          country(["France", "Russia", "Italy", "Spain", "United Arab Emirates"]),
        ],
        description: "fragrance",
      },
      {
        slug: "haircare",
        colourInTitle: false,
        name: "Haircare",
        nameRu: "Уход за волосами",
        weight: 50,
        priceRub: [290, 2490],
        colours: BEAUTY,
        maxColours: 1,
        adjectives: ["Repairing", "Volumising", "Smoothing", "Nourishing", "Gentle", "Strengthening"],
        types: [
          { name: "Shampoo", shape: "pumpBottle", values: { volume: ["250", "400", "500"] } },
          { name: "Conditioner", shape: "tube", values: { volume: ["200", "250"] } },
          { name: "Hair Oil", shape: "dropper", values: { volume: ["50", "100"] } },
          { name: "Hair Mask", shape: "jar", values: { volume: ["200", "300"] } },
        ],
        characteristics: [
          volumeMl(["50", "100", "250", "400", "500"]),
          enumOf("hairType", "Hair type", "Тип волос", ["All hair types", "Dry", "Coloured", "Curly", "Oily", "Fine"], { required: true }),
          yesNo("sulphateFree", "Sulphate-free", "Без сульфатов"),
          vegan,
          country(BEAUTY_COUNTRIES),
        ],
        description: "beauty",
      },
    ],
  },
  {
    slug: "sports",
    name: "Sports",
    nameRu: "Спорт",
    children: [
      {
        slug: "sportswear",
        name: "Sportswear",
        nameRu: "Спортивная одежда",
        weight: 80,
        sizeChart: SPORT_CHART,
        priceRub: [790, 5990],
        colours: SPORT,
        maxColours: 3,
        adjectives: ["Seamless", "Breathable", "Quick-Dry", "Compression", "Thermal", "Lightweight"],
        types: [
          { name: "Leggings", shape: "trousers", values: { fit: ["Slim"], material: ["Polyester and elastane", "Nylon"] } },
          { name: "Training Top", shape: "tshirt" },
          { name: "Track Jacket", shape: "jacket", priceRub: [2490, 6990] },
          { name: "Running Longsleeve", shape: "longsleeve" },
        ],
        characteristics: [...apparelCharacteristics(["Polyester and elastane", "Nylon", "Cotton blend", "Merino wool", "Recycled polyester"]), yesNo("moistureWicking", "Moisture-wicking", "Отводит влагу")],
        description: "apparel",
      },
      {
        slug: "running-shoes",
        name: "Running Shoes",
        nameRu: "Беговая обувь",
        weight: 60,
        sizeChart: RUNNING_SHOES_CHART,
        priceRub: [2990, 14990],
        colours: SPORT,
        maxColours: 3,
        adjectives: ["Cushioned", "Responsive", "Lightweight", "Trail", "Tempo", "Stable"],
        types: [
          { name: "Running Shoes", shape: "sneaker", values: { upper: ["Knit mesh", "Textile"], sole: ["Rubber", "EVA"] } },
          { name: "Trail Running Shoes", shape: "sneaker", values: { upper: ["Textile", "Knit mesh"], sole: ["Rubber"] } },
        ],
        characteristics: [
          upper,
          sole,
          enumOf("cushioning", "Cushioning", "Амортизация", ["Neutral", "Stability", "Maximum"], { required: true }),
          numberOf("drop", "Heel-to-toe drop", "Перепад", "mm", { min: 4, max: 12, step: 2 }),
          country(["Vietnam", "China", "Indonesia", "Russia"]),
        ],
        description: "shoes",
      },
      {
        slug: "fitness",
        name: "Fitness Equipment",
        nameRu: "Фитнес и тренажёры",
        weight: 60,
        priceRub: [490, 9990],
        colours: SPORT,
        maxColours: 2,
        adjectives: ["Adjustable", "Non-Slip", "Compact", "Pro", "Home", "Heavy-Duty"],
        types: [
          { name: "Dumbbell Set", shape: "dumbbell", priceRub: [1490, 9990], values: { weight: ["2", "4", "6", "10", "20"], material: ["Cast iron", "Vinyl", "Neoprene"] } },
          { name: "Yoga Mat", shape: "yogaMat", priceRub: [690, 3490], values: { weight: ["0.9", "1.2", "1.5", "1.8"], material: ["TPE", "Natural rubber", "PVC"] } },
          { name: "Kettlebell", shape: "kettlebell", priceRub: [990, 5990], values: { weight: ["4", "6", "8", "12", "16", "20", "24"], material: ["Cast iron", "Vinyl"] } },
        ],
        characteristics: [
          numberOf("weight", "Weight", "Вес", "kg", { min: 1, max: 24, step: 1 }, { filterable: true }),
          enumOf("material", "Material", "Материал", ["Cast iron", "Vinyl", "TPE", "Natural rubber", "Neoprene"]),
          country(["China", "Russia", "Taiwan", "Belarus"]),
        ],
        description: "sportsGear",
      },
      {
        slug: "outdoor",
        name: "Camping & Hiking",
        nameRu: "Туризм и походы",
        weight: 50,
        priceRub: [690, 24990],
        colours: ["OLV", "KHK", "ORG", "NVY", "GRF", "EMR", "RED", "SKY"],
        maxColours: 2,
        adjectives: ["Ultralight", "Waterproof", "Four-Season", "Packable", "Trekking", "Expedition"],
        types: [
          { name: "Camping Tent", shape: "tent", priceRub: [4990, 24990], values: { weight: ["1.8", "2.4", "3.2", "4.1"], material: ["Ripstop nylon", "Polyester"] } },
          { name: "Hiking Backpack", shape: "backpack", priceRub: [2990, 11990], values: { weight: ["1.1", "1.4", "1.9"], material: ["Cordura", "Ripstop nylon", "Polyester"] } },
          { name: "Vacuum Flask", shape: "thermos", priceRub: [690, 3490], values: { weight: ["0.4", "0.5", "0.7"], material: ["Stainless steel"], waterproof: ["Leak-proof lid"] } },
        ],
        characteristics: [
          numberOf("weight", "Weight", "Вес", "kg", { min: 0.3, max: 4.5, step: 0.1 }),
          enumOf("material", "Material", "Материал", ["Ripstop nylon", "Polyester", "Stainless steel", "Cordura"]),
          enumOf("waterproof", "Water resistance", "Водостойкость", ["1500 mm", "3000 mm", "5000 mm", "Splash-proof"]),
          country(["China", "Russia", "Vietnam", "Taiwan"]),
        ],
        description: "sportsGear",
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Sellers and their brands
// ---------------------------------------------------------------------------

export interface SellerDef {
  slug: string;
  name: string;
  legalName: string;
  description: string;
  /** Start of every SKU of this seller. */
  skuPrefix: string;
  /** Four-digit company number inside the EAN-13, after the Russian 460 prefix. */
  eanCompany: string;
  /** Leaf category slug -> brands this seller sells in it, with the seller's share of the category. */
  assortment: readonly { categories: readonly string[]; brands: readonly string[]; share: number }[];
  /** Ships from its own warehouse (WarehouseKind SELLER) as well as the marketplace's. */
  ownWarehouse?: { code: string; name: string; city: string; address: string; latitude: number; longitude: number };
}

const WOMEN_CLOTHES = ["dresses", "blouses-shirts", "womens-trousers", "womens-outerwear"];
const MEN_CLOTHES = ["mens-shirts", "mens-tshirts", "mens-trousers", "mens-jackets"];

export const SELLERS: readonly SellerDef[] = [
  {
    slug: "nordic-threads",
    name: "Nordic Threads",
    legalName: "ООО «Нордик Тредс»",
    description: "Calm Scandinavian-style clothing and shoes for women and men, sewn in small batches.",
    skuPrefix: "NRT",
    eanCompany: "1001",
    assortment: [
      { categories: WOMEN_CLOTHES, brands: ["Norvika", "Linnea Row"], share: 55 },
      { categories: MEN_CLOTHES, brands: ["Fjellmark", "Kalevi Studio"], share: 55 },
      { categories: ["womens-shoes", "mens-shoes"], brands: ["Fjellmark", "Norvika"], share: 40 },
    ],
  },
  {
    slug: "volga-electronics",
    name: "Volga Electronics",
    legalName: "ООО «Волга Электроникс»",
    description: "Phones, laptops and audio with an official warranty, shipped from our own warehouse in Nizhny Novgorod.",
    skuPrefix: "VLG",
    eanCompany: "1002",
    assortment: [{ categories: ["smartphones", "laptops", "headphones", "wearables", "speakers"], brands: ["Voltra", "Nebulon", "Quarzo", "Sonarik"], share: 100 }],
    ownWarehouse: {
      code: "SW-VLG-NNV",
      name: "Volga Electronics — Nizhny Novgorod",
      city: "Nizhny Novgorod",
      address: "Nizhny Novgorod, Moskovskoye shosse 302, building 4",
      latitude: 56.3162,
      longitude: 43.8542,
    },
  },
  {
    slug: "ladoga-home",
    name: "Ladoga Home",
    legalName: "ООО «Ладога Хоум»",
    description: "Things that make a flat feel like home: lamps, linen, tableware and decor.",
    skuPrefix: "LDG",
    eanCompany: "1003",
    assortment: [{ categories: ["lighting", "kitchen", "home-textiles", "decor"], brands: ["Oakhollow", "Hearthly", "Moss & Mortar"], share: 70 }],
  },
  {
    slug: "little-taiga",
    name: "Little Taiga",
    legalName: "ООО «Маленькая тайга»",
    description: "Clothes, shoes and toys for children from two to ten, tested for safety.",
    skuPrefix: "LTG",
    eanCompany: "1004",
    assortment: [{ categories: ["kids-clothing", "kids-shoes", "toys", "school"], brands: ["Cozyroo", "Little Lark", "Bramblebee"], share: 75 }],
  },
  {
    slug: "amber-glow",
    name: "Amber Glow Cosmetics",
    legalName: "ООО «Амбер Глоу»",
    description: "Skincare, makeup and fragrance from independent laboratories.",
    skuPrefix: "AMB",
    eanCompany: "1005",
    assortment: [{ categories: ["skincare", "makeup", "fragrance", "haircare"], brands: ["Glowberry", "Rosmarin Lab", "Velvetine", "Aurelle"], share: 100 }],
  },
  {
    slug: "altai-active",
    name: "Altai Active",
    legalName: "ООО «Алтай Актив»",
    description: "Gear for running, training and weekends in the mountains.",
    skuPrefix: "ALT",
    eanCompany: "1006",
    assortment: [
      { categories: ["sportswear", "running-shoes", "fitness", "outdoor"], brands: ["Stridewell", "Peakroute", "Ironfern"], share: 100 },
      { categories: ["mens-shoes"], brands: ["Peakroute"], share: 20 },
    ],
  },
  {
    slug: "neva-bazaar",
    name: "Neva Bazaar",
    legalName: "ИП Смирнова Е. А.",
    description: "A little of everything at fair prices: clothing, home goods and children's things.",
    skuPrefix: "NVB",
    eanCompany: "1007",
    assortment: [
      { categories: WOMEN_CLOTHES, brands: ["Mirabeth"], share: 45 },
      { categories: MEN_CLOTHES, brands: ["Dunefield"], share: 45 },
      { categories: ["womens-shoes"], brands: ["Mirabeth"], share: 30 },
      { categories: ["lighting", "kitchen", "home-textiles", "decor"], brands: ["Tikhon & Co"], share: 30 },
      { categories: ["kids-clothing", "toys", "school"], brands: ["Soft Fable"], share: 25 },
      { categories: ["kids-shoes"], brands: ["Soft Fable"], share: 25 },
    ],
  },
];

// ---------------------------------------------------------------------------
// Descriptions
// ---------------------------------------------------------------------------

// Placeholders: {brand}, {type}, {adjective} and {colour} (lower case), {<characteristic key>} for
// any characteristic every category of that kind has, and for types named in the plural
// ("Jeans", "Earbuds"): {a_} ("a " or nothing), {this} ("this"/"these"), {is} ("is"/"are").
export const DESCRIPTIONS: Record<DescriptionKind, { openings: readonly string[]; middles: readonly string[]; closings: readonly string[] }> = {
  apparel: {
    openings: [
      "{a_}{adjective} {type} from {brand}, made of {material} that feels good from the first wear.",
      "{this} {colour} {type} by {brand} {is} an easy choice you will reach for all week.",
      "{brand} cut {this} {type} from {material} with a {fit} fit for easy movement.",
      "Meet the {adjective} {type}: a {brand} staple in {colour} that pairs with everything.",
    ],
    middles: [
      "The {fit} fit leaves room to layer without looking bulky.",
      "Flat seams and a soft finish make for all-day comfort.",
      "The fabric keeps its shape and colour after many washes.",
      "The colour is dyed deep into the fibres, so it stays rich wash after wash.",
      "Neat details — reinforced seams and tidy finishing — show the care that went into the making.",
    ],
    closings: ["Care: {care}.", "Fits true to size; check the size chart before ordering.", "Made in {country}. Care: {care}.", "Made in {country}."],
  },
  shoes: {
    openings: [
      "{brand} {type} with a {upper} upper and a grippy {sole} sole.",
      "These {adjective} {type} in {colour} are built for long days on your feet.",
      "A {adjective} pair from {brand}: {upper} outside, cushioned comfort inside.",
    ],
    middles: [
      "The cushioned insole softens every step, and the flexible sole bends where your foot does.",
      "A padded collar and heel counter keep the fit secure without rubbing.",
      "The {sole} outsole grips on wet pavements and wears slowly.",
      "They break in quickly and keep their shape season after season.",
    ],
    closings: ["Made in {country}. Fits true to size; check the foot length in the size chart.", "If you are between sizes, choose the larger one.", "Wipe clean with a damp cloth; dry away from radiators."],
  },
  toys: {
    openings: ["A {adjective} {type} from {brand} for ages {age}.", "{brand}'s {type} in cheerful {colour}, made for small hands.", "This {adjective} {type} turns an ordinary afternoon into a game."],
    middles: [
      "Made of safe {material} with rounded edges and no small loose parts for little ones.",
      "It encourages imaginative play, fine motor skills and lots of laughter.",
      "Sturdy enough for daily play and easy to clean.",
    ],
    closings: ["Certified to EAC toy safety standards. Made in {country}.", "Comes in a gift-ready box.", "Keep away from open flames; surface wash only."],
  },
  school: {
    openings: ["The {adjective} {type} from {brand} is ready for the school year.", "A {colour} {type} by {brand} that survives backpacks, buses and break time.", "{brand} designed this {type} with pupils' feedback."],
    middles: ["Durable {material} resists scuffs and wipes clean.", "Smart compartments keep pens, notebooks and lunch apart.", "Light enough for younger pupils, roomy enough for older ones."],
    closings: ["Made in {country}.", "A practical gift for the first of September.", "Recommended for ages {age}."],
  },
  home: {
    openings: ["A {adjective} {type} from {brand} that brings warmth to any room.", "This {colour} {type} by {brand} is made of {material} and designed to last.", "{brand}'s {adjective} {type}: simple lines and honest materials."],
    middles: ["It suits Scandinavian, minimalist and classic interiors alike.", "Every piece is checked by hand before it leaves the workshop.", "Soft colours and natural textures make it easy to combine with what you already own.", "It makes a thoughtful house-warming gift."],
    closings: ["Made in {country}.", "Arrives carefully packed in recyclable cardboard.", "Material: {material}. Made in {country}."],
  },
  kitchen: {
    openings: ["The {adjective} {type} from {brand} is made of {material} for everyday cooking.", "A {colour} {type} by {brand} that goes from the stove to the table.", "{brand} made this {type} for people who cook every day."],
    middles: ["It heats evenly, so nothing sticks or burns at the edges.", "The comfortable handle stays cool while you cook.", "It is easy to clean and does not absorb odours.", "Generous capacity — enough for the whole family."],
    closings: ["Made in {country}.", "Check the care guide for dishwasher and induction use.", "Material: {material}."],
  },
  electronics: {
    openings: ["{brand} {type}: a sleek design with all-day performance.", "Meet the {brand} {type} in {colour}: fast, reliable and easy to love.", "{brand} built {this} {type} for work, play and everything in between."],
    middles: [
      "A long-lasting battery gets you through the day on a single charge.",
      "Fast charging over USB-C tops it up in under an hour.",
      "Solid build quality and careful tuning make every day smoother.",
      "The supplied app keeps the firmware up to date with new features.",
    ],
    closings: ["Official warranty: 12 months. Made in {country}.", "Box contents: the device, a USB-C cable and a quick start guide.", "Certified for sale in Russia (EAC)."],
  },
  beauty: {
    openings: ["A {adjective} {type} from {brand}, formulated for everyday use.", "{brand}'s {type} gives a {adjective} result you can see and feel.", "This {type} by {brand} fits easily into any routine."],
    middles: ["The lightweight texture absorbs quickly and leaves no sticky film.", "Dermatologically tested and free from parabens.", "A subtle, clean scent that fades within minutes.", "Suitable for daily use, morning and evening."],
    closings: ["Made in {country}.", "Store at room temperature away from direct sunlight.", "Patch-test before first use."],
  },
  fragrance: {
    openings: ["{brand} {type} — a {adjective} composition that lingers softly on the skin.", "A {family} fragrance by {brand}, opening with {notes}.", "The {adjective} {type} from {brand}: a signature scent for every day."],
    middles: ["It opens bright and fresh, then settles into a warm, long-lasting base.", "Wear it to the office, on a date, or just for yourself.", "Top notes of {notes} give way to a soft, musky heart."],
    closings: ["Made in {country}.", "A beautiful gift in an elegant box.", "Volume: {volume} ml."],
  },
  sportsGear: {
    openings: ["The {adjective} {type} from {brand} is built for regular training.", "{brand}'s {type} in {colour}: dependable kit for home workouts and outdoor trips.", "A {adjective} {type} by {brand}, tested by coaches and guides."],
    middles: ["Durable {material} stands up to hard use season after season.", "Thoughtful details make it easy to carry and store.", "It is light where it can be and strong where it must be."],
    closings: ["Made in {country}.", "Warranty: 12 months.", "Check the specifications before ordering."],
  },
};
