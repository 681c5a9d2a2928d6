import { describe, expect, it } from "vitest";
import { probeResponse } from "./health-probe.ts";

describe("health probes", () => {
  it("answer 200 for live and ready without a health check", async () => {
    for (const probe of ["live", "ready"]) {
      const response = probeResponse(new Request(`http://x/api/health?probe=${probe}`))!;
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", probe });
    }
  });

  it("leave every other request to the full report", () => {
    expect(probeResponse(new Request("http://x/api/health"))).toBeNull();
    expect(probeResponse(new Request("http://x/api/health?probe=database"))).toBeNull();
    expect(probeResponse(undefined)).toBeNull();
  });
});
