// Writes a contact sheet of every illustration, to check the drawings by eye after a change:
//   pnpm --filter @market/stack exec tsx src/seed/images-preview.ts /tmp/preview
// then open the SVG (or convert it: rsvg-convert -o sheet.png sheet.svg).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderContactSheet } from "./images.ts";

const outDir = path.resolve(process.argv[2] ?? "images-preview");
mkdirSync(outDir, { recursive: true });
const colours = ["#1f8a64", "#c8323a", "#263a5e", "#f3f2ee", "#23232a", "#d6a531", "#eba1b8", "#7fb4e0", "#c0633f", "#ac9bd6"];
writeFileSync(path.join(outDir, "sheet.svg"), renderContactSheet(colours));
console.log(`wrote ${path.join(outDir, "sheet.svg")}`);
