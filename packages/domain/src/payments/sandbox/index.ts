export { handleSandboxRequest, settleSandboxPaymentIntentTask, SANDBOX_SETTLE_TASK, type SandboxRequest, type SandboxResponse } from "./api.ts";
export { SANDBOX_TEST_CARDS, type SandboxCardOutcome } from "./cards.ts";
export { deliverSandboxEvent, deliverSandboxEventTask, SANDBOX_DELIVER_EVENT_TASK, type EventDelivery } from "./events.ts";
