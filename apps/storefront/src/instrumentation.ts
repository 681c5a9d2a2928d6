export async function register() {
  const { registerServer } = await import("@market/web/instrumentation");
  await registerServer("storefront");
}
