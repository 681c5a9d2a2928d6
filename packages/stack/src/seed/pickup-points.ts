// Pickup points in the larger cities. Street names are real streets; house numbers and the
// exact coordinates are invented (a point is placed near the city centre, not at the address).
import { Rng } from "./random.ts";

interface CityDef {
  city: string;
  code: string;
  centre: [number, number];
  /** Days from dispatch (from the Moscow region hubs) until a parcel is ready. */
  deliveryDays: [number, number];
  streets: readonly string[];
}

const CITIES: readonly CityDef[] = [
  {
    city: "Moscow",
    code: "MSK",
    centre: [55.7558, 37.6173],
    deliveryDays: [1, 2],
    streets: ["Tverskaya street", "Profsoyuznaya street", "Leninsky prospekt", "Mira prospekt", "Novy Arbat street", "Butyrskaya street", "Kutuzovsky prospekt", "Lyublinskaya street", "Varshavskoye shosse", "Khoroshevskoye shosse"],
  },
  {
    city: "Saint Petersburg",
    code: "SPB",
    centre: [59.9343, 30.3351],
    deliveryDays: [2, 2],
    streets: ["Nevsky prospekt", "Moskovsky prospekt", "Bolshoy prospekt P.S.", "Sadovaya street", "Ligovsky prospekt", "Prospekt Veteranov", "Kamennoostrovsky prospekt"],
  },
  {
    city: "Kazan",
    code: "KZN",
    centre: [55.7961, 49.1064],
    deliveryDays: [2, 3],
    streets: ["Bauman street", "Pushkin street", "Prospekt Pobedy", "Chistopolskaya street"],
  },
  {
    city: "Novosibirsk",
    code: "NSK",
    centre: [55.0084, 82.9357],
    deliveryDays: [4, 4],
    streets: ["Krasny prospekt", "Lenin street", "Karl Marx prospekt", "Gogol street"],
  },
  {
    city: "Yekaterinburg",
    code: "EKB",
    centre: [56.8389, 60.6057],
    deliveryDays: [3, 3],
    streets: ["Lenin prospekt", "Malysheva street", "Vainera street", "8 Marta street"],
  },
  {
    city: "Nizhny Novgorod",
    code: "NNV",
    centre: [56.2965, 43.9361],
    deliveryDays: [2, 2],
    streets: ["Bolshaya Pokrovskaya street", "Gagarin prospekt", "Rozhdestvenskaya street"],
  },
  {
    city: "Samara",
    code: "SMR",
    centre: [53.1959, 50.1002],
    deliveryDays: [3, 3],
    streets: ["Kuibyshev street", "Moskovskoye shosse"],
  },
];

const HOURS = ["Mon–Sun 09:00–21:00", "Mon–Sun 10:00–22:00", "Mon–Fri 10:00–20:00, Sat–Sun 10:00–18:00", "Mon–Sun 08:00–22:00"];

export interface PickupPointDef {
  code: string;
  name: string;
  city: string;
  address: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  deliveryDays: number;
}

export function buildPickupPoints(): PickupPointDef[] {
  return CITIES.flatMap((city) =>
    city.streets.map((street, i) => {
      const rng = Rng.for("pickup", city.code, i);
      const house = rng.int(2, 140);
      // Up to ~6 km from the centre, enough to spread the pins on a city map.
      const latitude = Number((city.centre[0] + rng.between(-0.05, 0.05)).toFixed(6));
      const longitude = Number((city.centre[1] + rng.between(-0.09, 0.09)).toFixed(6));
      return {
        code: `PP-${city.code}-${String(i + 1).padStart(3, "0")}`,
        name: `${city.city}, ${street.replace(/ (street|prospekt|shosse)$/, "")} ${house}`,
        city: city.city,
        address: `${city.city}, ${street} ${house}`,
        latitude,
        longitude,
        openingHours: rng.pick(HOURS),
        deliveryDays: rng.int(city.deliveryDays[0], city.deliveryDays[1]),
      };
    }),
  );
}
