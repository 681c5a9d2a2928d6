export { fileUrl, readLocalFile, filesDirectory, type StoredFile } from "./local-file-store.ts";
