// Test cards, as in Stripe's test mode: the card number decides what happens. The pay page lists
// SANDBOX_TEST_CARDS; Stripe's test PaymentMethod ids (pm_card_visa, …) work too, for server-side
// tests. One card is the sandbox's own: 4000 0000 0000 3220 stays "processing" for a few seconds
// (PAYMENT_SANDBOX_PROCESSING_SECONDS) and then succeeds, like a slow bank.
import { SandboxError } from "./errors.ts";
import type { FormValue } from "./form.ts";

export type SandboxCardOutcome = "succeeds" | "declined" | "insufficient_funds" | "expired_card" | "incorrect_cvc" | "processing";

export const SANDBOX_TEST_CARDS: { number: string; brand: string; outcome: SandboxCardOutcome }[] = [
  { number: "4242424242424242", brand: "visa", outcome: "succeeds" },
  { number: "5555555555554444", brand: "mastercard", outcome: "succeeds" },
  { number: "4000000000003220", brand: "visa", outcome: "processing" },
  { number: "4000000000000002", brand: "visa", outcome: "declined" },
  { number: "4000000000009995", brand: "visa", outcome: "insufficient_funds" },
  { number: "4000000000000069", brand: "visa", outcome: "expired_card" },
  { number: "4000000000000127", brand: "visa", outcome: "incorrect_cvc" },
];

const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_sandbox_processing: "4000000000003220",
};

export type Card = { number: string; brand: string; last4: string; expMonth: number; expYear: number };

export type Attempt =
  | { kind: "succeed" }
  | { kind: "process" }
  | { kind: "decline"; code: string; declineCode: string; message: string };

const cardError = (code: string, message: string, param: string) =>
  new SandboxError(402, { type: "card_error", code, message, param });

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  if (number.startsWith("4")) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^220[0-4]/.test(number)) return "mir";
  return "unknown";
}

function text(value: FormValue | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The card a confirm request pays with: a test PaymentMethod id or raw card details. */
export function readCard(params: { payment_method?: FormValue; payment_method_data?: FormValue }, now = new Date()): Card {
  const pm = text(params.payment_method);
  if (pm) {
    const number = TEST_PAYMENT_METHODS[pm];
    if (!number) throw new SandboxError(400, { type: "invalid_request_error", code: "resource_missing", message: `No such PaymentMethod: '${pm}'`, param: "payment_method" });
    return { number, brand: brandOf(number), last4: number.slice(-4), expMonth: 12, expYear: now.getUTCFullYear() + 3 };
  }
  const data = params.payment_method_data;
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new SandboxError(400, {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      message: "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, pass a payment_method or payment_method_data.",
      param: "payment_method",
    });
  }
  if (text(data.type) !== "card") throw new SandboxError(400, { type: "invalid_request_error", message: "The sandbox accepts card payments only.", param: "payment_method_data[type]" });
  const card = (typeof data.card === "object" && !Array.isArray(data.card) ? data.card : {}) as Record<string, FormValue>;
  const number = text(card.number).replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) throw cardError("incorrect_number", "Your card number is incorrect.", "number");
  const expMonth = Number(text(card.exp_month));
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
  const rawYear = text(card.exp_year);
  let expYear = Number(rawYear);
  if (!/^\d{2}(\d{2})?$/.test(rawYear)) throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "exp_year");
  if (expYear < 100) expYear += 2000;
  // A card is valid to the end of its expiry month.
  if (new Date(Date.UTC(expYear, expMonth, 1)) <= now) throw cardError("invalid_expiry_year", "Your card's expiration year is in the past.", "exp_year");
  if (!/^\d{3,4}$/.test(text(card.cvc))) throw cardError("invalid_cvc", "Your card's security code is invalid.", "cvc");
  return { number, brand: brandOf(number), last4: number.slice(-4), expMonth, expYear };
}

/** What the card network says to a charge on this card. */
export function attemptCharge(card: Card): Attempt {
  const outcome = SANDBOX_TEST_CARDS.find((c) => c.number === card.number)?.outcome;
  switch (outcome) {
    case "succeeds":
      return { kind: "succeed" };
    case "processing":
      return { kind: "process" };
    case "declined":
      return { kind: "decline", code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." };
    case "insufficient_funds":
      return { kind: "decline", code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." };
    case "expired_card":
      return { kind: "decline", code: "expired_card", declineCode: "expired_card", message: "Your card has expired." };
    case "incorrect_cvc":
      return { kind: "decline", code: "incorrect_cvc", declineCode: "incorrect_cvc", message: "Your card's security code is incorrect." };
    default:
      return {
        kind: "decline",
        code: "card_declined",
        declineCode: "test_mode_live_card",
        message: "Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
      };
  }
}
