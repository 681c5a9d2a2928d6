/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
export function safeRedirect(target: string | undefined, fallback: string): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
