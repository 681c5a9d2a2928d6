// The id that follows a request into logs and jobs, and comes back in x-request-id.

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The caller's request id when it is a sane one (a proxy or our own server set it), else a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
