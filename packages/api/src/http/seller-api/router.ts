// Matches a path under /api/seller/v1 to an operation declaration. Paths are few and fixed, so a
// list of segment patterns is all the router there needs to be.
import type { AnyOperation, HttpMethod } from "@market/domain/seller-api";

type Route = { operation: AnyOperation; segments: string[] };
export type RouteMatch = { kind: "found"; operation: AnyOperation; params: Record<string, string> } | { kind: "method_not_allowed"; allow: HttpMethod[] } | { kind: "not_found" };

const split = (path: string) => path.split("/").filter(Boolean);

export function createRouter(operations: readonly AnyOperation[]) {
  const routes: Route[] = operations.map((operation) => ({ operation, segments: split(operation.path) }));

  function matchSegments(route: Route, segments: string[]): Record<string, string> | null {
    if (route.segments.length !== segments.length) return null;
    const params: Record<string, string> = {};
    for (const [i, pattern] of route.segments.entries()) {
      const segment = segments[i]!;
      const name = /^\{(\w+)\}$/.exec(pattern)?.[1];
      if (name) {
        try {
          params[name] = decodeURIComponent(segment);
        } catch {
          return null;
        }
      } else if (pattern !== segment) return null;
    }
    return params;
  }

  return function match(method: string, path: string): RouteMatch {
    const segments = split(path);
    const allow: HttpMethod[] = [];
    for (const route of routes) {
      const params = matchSegments(route, segments);
      if (!params) continue;
      if (route.operation.method === method) return { kind: "found", operation: route.operation, params };
      allow.push(route.operation.method);
    }
    return allow.length ? { kind: "method_not_allowed", allow } : { kind: "not_found" };
  };
}
