import type { MetadataRoute } from "next";

// Installable on phones: the original is a mobile app.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Marketplace",
    short_name: "Marketplace",
    description: "Goods from hundreds of sellers, one cart, delivery to a pickup point near you.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#8b1599",
    categories: ["shopping"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
