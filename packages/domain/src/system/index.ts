export { checkHealth, type Health, type ComponentHealth } from "./check-health.ts";
