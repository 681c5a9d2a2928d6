// Files in an S3-compatible bucket (AWS S3, MinIO, Yandex Object Storage…). The bucket stays
// private: the apps read objects through the store and serve them at /files/<key>.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { FileStore } from "./file-store.ts";
import { assertValidStorageKey, isValidStorageKey } from "./storage-key.ts";

export type S3FileStoreOptions = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Unset: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);

export function createS3FileStore(options: S3FileStoreOptions, client?: S3Client): FileStore {
  const s3 =
    client ??
    new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // Only send checksums where the API requires them: several S3-compatible services reject
      // the newer default CRC32 trailers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  const Bucket = options.bucket;
  return {
    kind: "s3",
    async put(key, body, contentType) {
      assertValidStorageKey(key);
      await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }));
    },
    async get(key) {
      if (!isValidStorageKey(key)) return null;
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        const body = Buffer.from(await object.Body.transformToByteArray());
        return { body, contentType: object.ContentType ?? "application/octet-stream", size: body.length };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async exists(key) {
      if (!isValidStorageKey(key)) return false;
      try {
        await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async delete(key) {
      if (!isValidStorageKey(key)) return;
      await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async *list(prefix) {
      // ListObjectsV2 pages of up to 1,000 keys, followed by their continuation tokens.
      for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) {
          // An object without a date cannot be judged old, and an invalid key could not be read or
          // deleted through this store anyway: neither is listed.
          if (!object.Key || !object.LastModified || !isValidStorageKey(object.Key)) continue;
          yield { key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified };
        }
      }
    },
  };
}
