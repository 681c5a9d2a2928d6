export * from "./journal.ts";
