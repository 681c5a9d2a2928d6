// Product images and logos, same-origin in the portal so thumbnails load under its CSP.
export { fileRoute as GET } from "@market/web/routes";
