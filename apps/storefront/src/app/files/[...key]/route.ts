export { fileRoute as GET } from "@market/web/routes";
