// Runs once when a Next.js server starts: a bad environment stops it with a clear message.
export async function registerServer(appName: string): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnv } = await import("@market/config/env");
  assertServerEnv(appName);
}
