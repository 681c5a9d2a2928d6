// Both file stores behind the same interface: local disk (refusing keys that climb out of its
// directory) and S3, against a small HTTP server standing in for the S3 API.
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FileStore, ListedFile } from "./file-store.ts";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFileStore } from "./file-store.ts";
import { createLocalFileStore } from "./local-file-store.ts";
import { createS3FileStore } from "./s3-file-store.ts";
import { isPublicImageKey, isValidStorageKey } from "./storage-key.ts";

describe("storage keys", () => {
  it.each(["../etc/passwd", "sellers/../../x.webp", "/abs/path.webp", "a//b.webp", "sellers/.hidden", "a/b\\c.webp", "a/b?c.webp", "a/b%2e%2e/c", "", "a/ b.webp"])(
    "refuses %j",
    (key) => expect(isValidStorageKey(key)).toBe(false),
  );
  it("accepts the shapes the stores use", () => {
    expect(isValidStorageKey("sellers/019fbe7d-4489-7151-a9a8-fda16a4f0b1f/images/0a1b2c3d-4489-4151-a9a8-fda16a4f0b1f.webp")).toBe(true);
    expect(isValidStorageKey("products/01a02a36-6d15-7a16-b19d-e8519bfd5127/1.svg")).toBe(true);
  });
  it("serves images only", () => {
    expect(isPublicImageKey("sellers/x/images/y.webp")).toBe(true);
    expect(isPublicImageKey("imports/x/report.csv")).toBe(false);
    expect(isPublicImageKey("imports/x/file")).toBe(false);
  });
});

describe("local file store", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "files-"));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it("puts, reads, checks and deletes a file, creating folders as needed", async () => {
    const store = createLocalFileStore(directory);
    const body = Buffer.from("RIFF....WEBP");
    await store.put("sellers/s1/images/a.webp", body, "image/webp");
    expect(await store.exists("sellers/s1/images/a.webp")).toBe(true);
    expect(await store.get("sellers/s1/images/a.webp")).toEqual({ body, contentType: "image/webp", size: body.length });
    expect(await readdir(path.join(directory, "sellers/s1/images"))).toEqual(["a.webp"]);

    await store.delete("sellers/s1/images/a.webp");
    expect(await store.exists("sellers/s1/images/a.webp")).toBe(false);
    expect(await store.get("sellers/s1/images/a.webp")).toBeNull();
    await expect(store.delete("sellers/s1/images/a.webp")).resolves.toBeUndefined();
  });

  it("never reads or writes outside its directory", async () => {
    const outside = path.join(path.dirname(directory), `outside-${path.basename(directory)}.txt`);
    await writeFile(outside, "secret");
    try {
      const store = createLocalFileStore(directory);
      const escape = `../${path.basename(outside)}`;
      expect(await store.get(escape)).toBeNull();
      expect(await store.exists(escape)).toBe(false);
      await expect(store.put(escape, Buffer.from("x"), "text/plain")).rejects.toThrow("That file name is not valid.");
      await store.delete(escape);
      expect(await store.get("sellers/%2e%2e/%2e%2e/x")).toBeNull();
    } finally {
      await rm(outside, { force: true });
    }
  });

  it("lists the files under a prefix with their size and time, nothing else", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "files-list-"));
    const outside = await mkdtemp(path.join(tmpdir(), "files-outside-"));
    try {
      const store = createLocalFileStore(root);
      await store.put("sellers/s1/images/a.webp", Buffer.from("aaaa"), "image/webp");
      await store.put("sellers/s1/logo/b.webp", Buffer.from("bb"), "image/webp");
      await store.put("sellers/s2/images/c.webp", Buffer.from("c"), "image/webp");
      await store.put("imports/s1/u/file.csv", Buffer.from("sku"), "text/csv");
      const old = new Date("2026-01-02T03:04:05Z");
      await utimes(path.join(root, "sellers/s1/images/a.webp"), old, old);
      // Not files of the store: a write in progress, a hidden file, links leading out of the store.
      await writeFile(path.join(root, "sellers/s1/images/d.webp.0a1b.partial"), "half");
      await writeFile(path.join(root, "sellers/s1/.hidden"), "x");
      await writeFile(path.join(outside, "secret.webp"), "secret");
      await symlink(outside, path.join(root, "sellers/s1/linked-folder"));
      await symlink(path.join(outside, "secret.webp"), path.join(root, "sellers/s1/images/linked.webp"));

      expect(await collect(store, "sellers/s1/")).toEqual([
        { key: "sellers/s1/images/a.webp", size: 4, lastModified: old },
        { key: "sellers/s1/logo/b.webp", size: 2, lastModified: expect.any(Date) },
      ]);
      expect((await collect(store, "sellers/")).map((file) => file.key)).toEqual(["sellers/s1/images/a.webp", "sellers/s1/logo/b.webp", "sellers/s2/images/c.webp"]);
      // A string prefix, as S3 has it: "sellers/s" matches both shops, "imports/s1/u/fi" the file.
      expect((await collect(store, "sellers/s")).length).toBe(3);
      expect((await collect(store, "imports/s1/u/fi")).map((file) => file.key)).toEqual(["imports/s1/u/file.csv"]);
      expect((await collect(store, "")).length).toBe(4);
      expect(await collect(store, "nothing-here/")).toEqual([]);
      expect(await collect(store, "../")).toEqual([]);
      expect(await collect(store, `../${path.basename(outside)}/`)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});

async function collect(store: FileStore, prefix: string): Promise<ListedFile[]> {
  const files: ListedFile[] = [];
  for await (const file of store.list(prefix)) files.push(file);
  return files.sort((a, b) => a.key.localeCompare(b.key));
}

type Recorded = { method: string; url: string; query: URLSearchParams; contentType?: string; body: Buffer; authorization?: string };

describe("S3 file store (against a stand-in S3 server)", () => {
  let server: Server;
  let endpoint: string;
  const objects = new Map<string, { body: Buffer; contentType: string; lastModified: Date }>();
  /** Keys per ListObjectsV2 page: small, so that listing has to follow continuation tokens. */
  const LIST_PAGE = 2;
  const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  /** ListObjectsV2 as S3 answers it: keys in order, a page at a time, an opaque continuation token. */
  const listObjects = (bucket: string, url: URL) => {
    const prefix = url.searchParams.get("prefix") ?? "";
    const after = url.searchParams.get("continuation-token");
    const maxKeys = Math.min(Number(url.searchParams.get("max-keys") ?? 1000), LIST_PAGE);
    const keys = [...objects.keys()]
      .filter((path) => path.startsWith(`/${bucket}/`))
      .map((path) => path.slice(bucket.length + 2))
      .filter((key) => key.startsWith(prefix) && (!after || key > Buffer.from(after, "base64url").toString()))
      .sort();
    const page = keys.slice(0, maxKeys);
    const truncated = keys.length > page.length;
    const contents = page
      .map((key) => {
        const object = objects.get(`/${bucket}/${key}`)!;
        return `<Contents><Key>${escapeXml(key)}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><ETag>"etag"</ETag><Size>${object.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      })
      .join("");
    const next = truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1)!).toString("base64url")}</NextContinuationToken>` : "";
    return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${after ? `<ContinuationToken>${after}</ContinuationToken>` : ""}${next}${contents}</ListBucketResult>`;
  };
  const requests: Recorded[] = [];

  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const body = await readBody(request);
      const url = new URL(request.url!, "http://localhost");
      requests.push({ method: request.method!, url: url.pathname, query: url.searchParams, contentType: request.headers["content-type"], body, authorization: request.headers.authorization });
      const key = decodeURIComponent(url.pathname);
      const object = objects.get(key);
      if (request.method === "GET" && url.searchParams.get("list-type") === "2") {
        response.writeHead(200, { "Content-Type": "application/xml" }).end(listObjects(key.replace(/^\/|\/$/g, ""), url));
      } else if (request.method === "PUT") {
        objects.set(key, { body, contentType: request.headers["content-type"] ?? "binary/octet-stream", lastModified: new Date() });
        response.writeHead(200, { ETag: '"etag"' }).end();
      } else if (request.method === "GET" || request.method === "HEAD") {
        if (!object) {
          response.writeHead(404, { "Content-Type": "application/xml" });
          response.end(request.method === "GET" ? "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>" : undefined);
          return;
        }
        response.writeHead(200, { "Content-Type": object.contentType, "Content-Length": object.body.length, ETag: '"etag"' });
        response.end(request.method === "GET" ? object.body : undefined);
      } else if (request.method === "DELETE") {
        objects.delete(key);
        response.writeHead(204).end();
      } else {
        response.writeHead(405).end();
      }
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    requests.length = 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const store = () =>
    createS3FileStore({ bucket: "market-files", region: "ru-central1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "AKIATEST", secretAccessKey: "secret" } });

  it("PUTs the object at /<bucket>/<key> with its content type, signed with the credentials", async () => {
    const body = Buffer.from("webp bytes");
    await store().put("sellers/s1/images/a.webp", body, "image/webp");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "PUT", url: "/market-files/sellers/s1/images/a.webp", contentType: "image/webp", body });
    expect(requests[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATEST\/\d{8}\/ru-central1\/s3\/aws4_request/);
  });

  it("GETs an object back with its content type; null for a missing key", async () => {
    await store().put("sellers/s1/logo/b.webp", Buffer.from("logo"), "image/webp");
    requests.length = 0;
    expect(await store().get("sellers/s1/logo/b.webp")).toEqual({ body: Buffer.from("logo"), contentType: "image/webp", size: 4 });
    expect(await store().get("sellers/s1/logo/missing.webp")).toBeNull();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /market-files/sellers/s1/logo/b.webp", "GET /market-files/sellers/s1/logo/missing.webp"]);
  });

  it("answers exists with HEAD, and deletes with DELETE", async () => {
    await store().put("sellers/s1/images/c.webp", Buffer.from("c"), "image/webp");
    requests.length = 0;
    expect(await store().exists("sellers/s1/images/c.webp")).toBe(true);
    expect(await store().exists("sellers/s1/images/nope.webp")).toBe(false);
    await store().delete("sellers/s1/images/c.webp");
    expect(await store().exists("sellers/s1/images/c.webp")).toBe(false);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "HEAD /market-files/sellers/s1/images/c.webp",
      "HEAD /market-files/sellers/s1/images/nope.webp",
      "DELETE /market-files/sellers/s1/images/c.webp",
      "HEAD /market-files/sellers/s1/images/c.webp",
    ]);
  });

  it("never sends a request for a key that is not valid", async () => {
    await expect(store().put("../other-bucket/x", Buffer.from("x"), "image/webp")).rejects.toThrow("That file name is not valid.");
    expect(await store().get("../other-bucket/x")).toBeNull();
    expect(requests).toEqual([]);
  });

  it("lists a prefix across pages, following continuation tokens", async () => {
    objects.clear();
    const old = new Date("2026-03-04T05:06:07.000Z");
    for (const name of ["a", "b", "c", "d", "e"]) {
      await store().put(`sellers/s1/images/${name}.webp`, Buffer.from(name.repeat(3)), "image/webp");
    }
    await store().put("sellers/s2/images/f.webp", Buffer.from("f"), "image/webp");
    await store().put("imports/s1/u/g.csv", Buffer.from("g"), "text/csv");
    objects.get("/market-files/sellers/s1/images/a.webp")!.lastModified = old;
    requests.length = 0;

    const listed: ListedFile[] = [];
    for await (const file of store().list("sellers/s1/")) listed.push(file);
    expect(listed.map((file) => file.key)).toEqual(["a", "b", "c", "d", "e"].map((name) => `sellers/s1/images/${name}.webp`));
    expect(listed[0]).toEqual({ key: "sellers/s1/images/a.webp", size: 3, lastModified: old });
    // Five keys at two a page: three requests, each after the first carrying the previous token.
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill("GET /market-files/"));
    expect(requests.map((r) => [r.query.get("list-type"), r.query.get("prefix")])).toEqual(Array(3).fill(["2", "sellers/s1/"]));
    const tokens = requests.map((r) => r.query.get("continuation-token"));
    expect(tokens[0]).toBeNull();
    expect(tokens[1]).toBe(Buffer.from("sellers/s1/images/b.webp").toString("base64url"));
    expect(tokens[2]).toBe(Buffer.from("sellers/s1/images/d.webp").toString("base64url"));
    expect((await collect(store(), "sellers/")).length).toBe(6);
    expect(await collect(store(), "nothing/")).toEqual([]);
  });

  it("is chosen by createFileStore when S3_BUCKET is set; local disk otherwise", () => {
    const s3 = createFileStore({ S3_BUCKET: "market-files", S3_REGION: "us-east-1", S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: true, UPLOAD_MAX_IMAGE_BYTES: 1 });
    expect(s3.kind).toBe("s3");
    expect(createFileStore({ S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false, UPLOAD_MAX_IMAGE_BYTES: 1 }).kind).toBe("local");
  });
});
