export * from "./locales.ts";
export { createTranslator, messagesFor, type MessageKey, type Messages, type Translate } from "./messages.ts";
