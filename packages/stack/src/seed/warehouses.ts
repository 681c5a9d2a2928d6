// The marketplace's own fulfilment centres. Names follow real logistics hubs around the cities,
// but the street addresses are invented.

export interface WarehouseDef {
  code: string;
  name: string;
  city: string;
  address: string;
  latitude: number;
  longitude: number;
}

export const MARKETPLACE_WAREHOUSES: readonly WarehouseDef[] = [
  {
    code: "WH-MSK-KOL",
    name: "Koledino",
    city: "Moscow",
    address: "Moscow Region, Podolsk district, Koledino village, Logisticheskaya street 1",
    latitude: 55.3792,
    longitude: 37.5417,
  },
  {
    code: "WH-MSK-POD",
    name: "Podolsk",
    city: "Podolsk",
    address: "Moscow Region, Podolsk, Severnaya street 24, building 2",
    latitude: 55.4472,
    longitude: 37.5613,
  },
  {
    code: "WH-SPB-SHU",
    name: "Saint Petersburg Shushary",
    city: "Saint Petersburg",
    address: "Saint Petersburg, Shushary settlement, Sofiyskaya street 110",
    latitude: 59.8037,
    longitude: 30.4289,
  },
  {
    code: "WH-KZN",
    name: "Kazan",
    city: "Kazan",
    address: "Republic of Tatarstan, Kazan, Sibirsky trakt 58",
    latitude: 55.8193,
    longitude: 49.2138,
  },
];
