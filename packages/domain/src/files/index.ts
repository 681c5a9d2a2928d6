export { fileUrl, readLocalFile, filesDirectory, createLocalFileStore } from "./local-file-store.ts";
export { createFileStore, getFileStore, setFileStoreForTesting, type FileStore, type ListedFile, type StoredFile } from "./file-store.ts";
export { createS3FileStore, type S3FileStoreOptions } from "./s3-file-store.ts";
export { assertValidStorageKey, contentTypeForKey, isPublicImageKey, isValidStorageKey } from "./storage-key.ts";
export {
  ACCEPTED_IMAGE_TYPES,
  DEFAULT_MAX_IMAGE_BYTES,
  IMAGE_REJECT_STATUS,
  ImageRejectedError,
  isImageRejectedError,
  LOGO_SIDE,
  MAX_IMAGE_SIDE,
  MIN_IMAGE_SIDE,
  MIN_LOGO_SIDE,
  PRODUCT_IMAGE_MAX_SIDE,
  type ImageRejectReason,
} from "./image-rules.ts";
export { processImage, sniffImageType, type ImageKind, type ProcessedImage } from "./process-image.ts";
export {
  describeStoredImage,
  isSellerImageKey,
  maxImageBytes,
  storeProductImage,
  storeShopLogo,
  type ImageUpload,
  type StoredImage,
} from "./store-image.ts";
export {
  IMPORT_FILE_RETENTION_MS,
  ORPHAN_GRACE_MS,
  PRUNE_ORPHANED_FILES_CRONTAB,
  PRUNE_ORPHANED_FILES_TASK,
  pruneOrphanedFiles,
  pruneOrphanedFilesTask,
  type OrphanKind,
  type PruneOrphanedFilesOptions,
  type PruneOrphanedFilesResult,
} from "./prune-orphans.ts";
