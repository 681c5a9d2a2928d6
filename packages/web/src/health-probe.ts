// Kubernetes' probes (`/api/health?probe=live`, `?probe=ready`) ask only whether this process
// serves requests. The database's state must not decide that: the apps keep the catalogue
// browsable and say checkout is paused while PostgreSQL is down, which they cannot do from a pod
// the probes restarted or took out of the Service. Monitoring reads the full /api/health.

/** The probe's answer, or null when the request wants the full health report. */
export function probeResponse(request: Request | undefined): Response | null {
  const probe = request ? new URL(request.url).searchParams.get("probe") : null;
  if (probe !== "live" && probe !== "ready") return null;
  return Response.json({ status: "ok", probe }, { headers: { "Cache-Control": "no-store" } });
}
