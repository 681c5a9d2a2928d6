"use client";
// Product pictures: drop or choose files, watch each upload, then order them (the first is the
// main picture), describe them for screen readers, or remove them. Every accepted file has been
// checked and re-encoded by the server; this component only keeps the list.
import { cn } from "@market/ui";
import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { ACCEPT_ATTRIBUTE, precheck, UploadFailure, uploadImage } from "./upload-image";

export type UploadedImage = { storageKey: string; url: string; width: number; height: number; alt: string };

export type ImageUploaderProps = {
  sellerId: string;
  images: UploadedImage[];
  onChange(images: UploadedImage[]): void;
  /** How many pictures the list may hold (default 10). */
  max?: number;
};

type Pending = { id: string; name: string; progress: number; error: string | null };

// Marks a drag that moves a thumbnail, so the drop zone does not treat it as files.
const REORDER_TYPE = "application/x-market-image-index";

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function ImageUploader({ sellerId, images, onChange, max = 10 }: ImageUploaderProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [pending, setPending] = useState<Pending[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // Uploads finish at different times: each must add to the latest list, not the one it started with.
  const latest = useRef(images);
  latest.current = images;
  const aborts = useRef(new Set<AbortController>());
  const serial = useRef(0);
  useEffect(() => {
    const controllers = aborts.current;
    return () => controllers.forEach((controller) => controller.abort());
  }, []);

  const uploading = pending.filter((item) => item.error === null).length;
  const room = max - images.length - uploading;

  const update = (next: UploadedImage[]) => {
    latest.current = next;
    onChange(next);
  };
  const patch = (id: string, change: Partial<Pending>) => setPending((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));

  function addFiles(files: File[]) {
    if (files.length === 0) return;
    let slots = room;
    const started: Pending[] = [];
    for (const file of files) {
      const id = `upload-${serial.current++}`;
      const problem = slots <= 0 ? `No room for more pictures: a product has at most ${max}.` : precheck(file);
      started.push({ id, name: file.name || "Picture", progress: 0, error: problem });
      if (problem) continue;
      slots--;
      const controller = new AbortController();
      aborts.current.add(controller);
      uploadImage("images", sellerId, file, (progress) => patch(id, { progress }), controller.signal)
        .then((answer) => {
          update([...latest.current, { ...answer, alt: "" }]);
          setPending((list) => list.filter((item) => item.id !== id));
          setAnnouncement(`${file.name} uploaded.`);
        })
        .catch((error: unknown) => {
          if (error instanceof UploadFailure && error.code === "ABORTED") return;
          patch(id, { error: error instanceof UploadFailure ? error.message : "The picture could not be uploaded. Please try again." });
        })
        .finally(() => aborts.current.delete(controller));
    }
    setPending((list) => [...list, ...started]);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragOver(false);
    if (event.dataTransfer.types.includes(REORDER_TYPE)) return;
    addFiles([...event.dataTransfer.files]);
  }

  function reorder(from: number, to: number) {
    if (to < 0 || to >= images.length || from === to) return;
    update(move(images, from, to));
    setAnnouncement(`Image moved to position ${to + 1} of ${images.length}.`);
  }

  return (
    <div className="flex flex-col gap-3">
      <div
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes(REORDER_TYPE)) return;
          event.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-2 rounded-2xl border-2 border-dashed px-4 py-6 text-center",
          dragOver ? "border-brand-500 bg-brand-50" : "border-gray-300 bg-white",
        )}
      >
        <p className="text-sm font-medium">Drag pictures here, or</p>
        <label
          htmlFor={inputId}
          className={cn(
            "inline-flex min-h-11 cursor-pointer items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700 has-[:focus-visible]:outline-2",
            room <= 0 && "pointer-events-none opacity-50",
          )}
        >
          Add images
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          disabled={room <= 0}
          aria-describedby={hintId}
          className="sr-only"
          onChange={(event) => {
            addFiles([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
        <p id={hintId} className="text-xs text-muted">
          JPEG, PNG, WebP or AVIF, up to 10 MB and at least 200×200 pixels; {images.length} of {max} added. The first picture is the main one.
        </p>
      </div>

      {pending.length > 0 ? (
        <ul aria-label="Uploads" className="flex flex-col gap-2">
          {pending.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 rounded-xl bg-white px-3 py-2 text-sm shadow-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="truncate font-medium">{item.name}</span>
                {item.error ? (
                  <button type="button" className="text-xs underline" onClick={() => setPending((list) => list.filter((p) => p.id !== item.id))} aria-label={`Dismiss error for ${item.name}`}>
                    Dismiss
                  </button>
                ) : (
                  <span className="text-xs text-muted">{Math.round(item.progress * 100)}%</span>
                )}
              </div>
              {item.error ? (
                <p role="alert" className="text-sm text-sale">{item.error}</p>
              ) : (
                <progress aria-label={`Uploading ${item.name}`} max={1} value={item.progress} className="h-2 w-full accent-brand-600" />
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {images.length === 0 ? (
        <p className="text-sm text-muted">No pictures yet. Products with several clear pictures sell better.</p>
      ) : (
        <ol aria-label="Product images" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {images.map((image, index) => (
            <li
              key={image.storageKey}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(REORDER_TYPE, String(index));
                event.dataTransfer.effectAllowed = "move";
                setDragIndex(index);
              }}
              onDragEnd={() => setDragIndex(null)}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(REORDER_TYPE)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
              }}
              onDrop={(event) => {
                const from = Number(event.dataTransfer.getData(REORDER_TYPE));
                if (!event.dataTransfer.types.includes(REORDER_TYPE) || !Number.isInteger(from)) return;
                event.preventDefault();
                event.stopPropagation();
                reorder(from, index);
                setDragIndex(null);
              }}
              className={cn("flex flex-col gap-2 rounded-xl bg-white p-2 shadow-sm", dragIndex === index && "opacity-50")}
            >
              <div className="relative aspect-square overflow-hidden rounded-lg bg-gray-100">
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload, served as it is */}
                <img src={image.url} alt={image.alt || `Image ${index + 1}`} width={image.width} height={image.height} className="size-full cursor-grab object-contain" />
                {index === 0 ? <span className="absolute top-1 left-1 rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">Main</span> : null}
              </div>
              <label className="flex flex-col gap-1 text-xs font-medium">
                Alt text for image {index + 1}
                <input
                  value={image.alt}
                  maxLength={200}
                  placeholder="e.g. Blue linen dress, front"
                  onChange={(event) => update(images.map((item, i) => (i === index ? { ...item, alt: event.target.value } : item)))}
                  className="min-h-9 rounded-lg border border-gray-300 px-2 text-sm font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
                />
              </label>
              <div className="flex items-center justify-between gap-1">
                <div className="flex gap-1">
                  <button type="button" aria-label={`Move image ${index + 1} left`} disabled={index === 0} onClick={() => reorder(index, index - 1)} className="min-h-9 min-w-9 rounded-lg border border-gray-300 text-sm disabled:opacity-40">
                    ←
                  </button>
                  <button type="button" aria-label={`Move image ${index + 1} right`} disabled={index === images.length - 1} onClick={() => reorder(index, index + 1)} className="min-h-9 min-w-9 rounded-lg border border-gray-300 text-sm disabled:opacity-40">
                    →
                  </button>
                </div>
                <button
                  type="button"
                  aria-label={`Remove image ${index + 1}`}
                  onClick={() => {
                    update(images.filter((_, i) => i !== index));
                    setAnnouncement(`Image ${index + 1} removed.`);
                  }}
                  className="min-h-9 rounded-lg px-2 text-sm text-sale hover:bg-rose-50"
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <p aria-live="polite" className="sr-only">{announcement}</p>
    </div>
  );
}
