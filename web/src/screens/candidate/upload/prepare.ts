/**
 * Turns what the candidate took or picked into the bytes to upload, on the phone: photos downscaled
 * and re-encoded (canvas) until they fit the checklist entry's limit, several photos combined into one
 * PDF. Loaded only when a file is chosen: the documents screen does not pay for it up front.
 * The decisions (sizes, qualities, output format, the PDF itself) are the domain's and tested there.
 */
import type { Issue } from "@domain/issue";
import { MIME_OF_FORMAT, formatOfMime } from "@domain/files/upload";
import { encodeSteps, pageBudget, photoOutput } from "@domain/files/photo";
import { jpegPagesToPdf } from "@domain/files/pdf";
import type { DocumentRequirement } from "@domain/selection/setup";

export interface Prepared {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly fileName: string;
  /** What the phone had before compression (sum of the photos), for the "reduced from" line. */
  readonly originalSize: number;
}

export class PrepareError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.code);
    this.name = "PrepareError";
  }
}

const isImage = (file: File) => /^image\//i.test(file.type) || /\.(jpe?g|png|heic|webp)$/i.test(file.name);

function extensionMime(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === "pdf"
    ? "application/pdf"
    : ext === "png"
      ? "image/png"
      : ext === "jpg" || ext === "jpeg"
        ? "image/jpeg"
        : "";
}

async function readBytes(file: Blob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new PrepareError({ code: "err.upload.readFailed" });
  }
}

/**
 * A picked file that is not a photo (a scanned PDF) goes as it is, with the type the phone declares:
 * the server checks its bytes against that type (an EXE renamed .pdf is refused there, with reason).
 */
export async function prepareFiles(files: readonly File[], requirement: DocumentRequirement): Promise<Prepared> {
  const first = files[0];
  if (!first) throw new PrepareError({ code: "err.upload.empty", field: "size" });
  if (files.length === 1 && !isImage(first)) {
    const bytes = await readBytes(first);
    return {
      bytes,
      mimeType: first.type || extensionMime(first.name) || "application/octet-stream",
      fileName: first.name.slice(0, 200) || requirement.id,
      originalSize: bytes.length,
    };
  }
  return preparePhotos(files, requirement);
}

export async function preparePhotos(photos: readonly File[], requirement: DocumentRequirement): Promise<Prepared> {
  const formats = requirement.formats;
  const output = photoOutput(formats, photos.length);
  const allowed = formats.map((f) => f.toUpperCase()).join(", ");
  if (!output) throw new PrepareError({ code: "err.upload.typeNotAllowed", params: { formats: allowed } });
  const maxBytes = requirement.maxSizeKb * 1024;
  const originalSize = photos.reduce((sum, p) => sum + p.size, 0);
  const single = photos.length === 1 ? photos[0] : undefined;

  // A picture already in an allowed format and within the limit is not touched.
  const declared = single ? formatOfMime(single.type) : undefined;
  if (single && declared && output !== "pdf" && formats.includes(declared) && single.size <= maxBytes) {
    const bitmap = await decode(single);
    const small = Math.max(bitmap.width, bitmap.height) <= 2000;
    bitmap.close();
    if (small) {
      return { bytes: await readBytes(single), mimeType: single.type, fileName: single.name, originalSize };
    }
  }

  const encodeAs = output === "png" ? "png" : "jpg";
  const budget = output === "pdf" ? pageBudget(maxBytes, photos.length) : maxBytes;
  const pages: Uint8Array[] = [];
  for (const photo of photos) pages.push(await fit(photo, encodeAs, budget, requirement.maxSizeKb));
  if (output === "pdf") {
    const pdf = jpegPagesToPdf(pages);
    if (!pdf.ok) throw new PrepareError({ code: "err.upload.imageUnreadable" });
    return { bytes: pdf.bytes, mimeType: MIME_OF_FORMAT.pdf, fileName: `${requirement.id}.pdf`, originalSize };
  }
  const page = pages[0] ?? new Uint8Array();
  return { bytes: page, mimeType: MIME_OF_FORMAT[encodeAs], fileName: `${requirement.id}.${encodeAs}`, originalSize };
}

async function decode(photo: File): Promise<ImageBitmap> {
  try {
    // Phones store portrait photos landscape with an EXIF turn; the bitmap applies it.
    return await createImageBitmap(photo, { imageOrientation: "from-image" });
  } catch {
    throw new PrepareError({ code: "err.upload.imageUnreadable" });
  }
}

/** The first encoding that fits `budget` bytes, from encodeSteps' order. */
async function fit(photo: File, format: "jpg" | "png", budget: number, maxKb: number): Promise<Uint8Array> {
  const bitmap = await decode(photo);
  try {
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d");
    if (!context) throw new PrepareError({ code: "err.upload.imageUnreadable" });
    let drawn = "";
    for (const step of encodeSteps(bitmap.width, bitmap.height, format)) {
      const size = `${step.width}x${step.height}`;
      if (size !== drawn) {
        canvas.width = step.width;
        canvas.height = step.height;
        // A white page under a transparent PNG, as on paper.
        context.fillStyle = "#fff";
        context.fillRect(0, 0, step.width, step.height);
        context.drawImage(bitmap, 0, 0, step.width, step.height);
        drawn = size;
      }
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, MIME_OF_FORMAT[format], step.quality),
      );
      if (blob && blob.size > 0 && blob.size <= budget) return readBytes(blob);
    }
  } finally {
    bitmap.close();
  }
  throw new PrepareError({ code: "err.upload.compressFailed", params: { maxKb } });
}
