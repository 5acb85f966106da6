/// <reference lib="dom" />
/** Files a candidate's phone would upload, made for browser tests and the bench. */
import type { Page } from "playwright-core";

/**
 * A phone camera's photo of a typed page: paper with sensor noise and lines of "text", as a JPEG of
 * about 3 MB (the first quality that is not over 3.3 MB), drawn by the page's own canvas.
 */
export async function cameraPhoto(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d context");
      const image = context.createImageData(width, height);
      // No named inner functions: a bundler's keepNames would wrap them in a helper the page lacks.
      let seed = 12345;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = (seed % 17) - 8;
        image.data[i] = 236 + n;
        image.data[i + 1] = 232 + n;
        image.data[i + 2] = 222 + n;
        image.data[i + 3] = 255;
      }
      context.putImageData(image, 0, 0);
      context.fillStyle = "#222";
      context.font = `${Math.round(width / 40)}px serif`;
      for (let y = height / 10, line = 0; y < height * 0.9; y += width / 28, line++) {
        context.fillText(`KEPUTUSAN WALI KOTA METRO NOMOR 821.2/${line}/SK-PANGKAT/2021 PEMBINA IV/b`, width / 12, y);
      }
      let blob: Blob | null = null;
      for (const quality of [0.95, 0.9, 0.85, 0.8, 0.7, 0.6]) {
        blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
        if (blob && blob.size <= 3.3 * 1024 * 1024) break;
      }
      if (!blob) throw new Error("toBlob");
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height },
  );
  return Buffer.from(base64, "base64");
}

/** A minimal valid PDF padded with a comment to `size` bytes, like a scanner's output in size. */
export function scannedPdf(size: number): Buffer {
  const head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n";
  const tail = "trailer<</Root 1 0 R>>\n%%EOF\n";
  const pad = Math.max(0, size - head.length - tail.length - 2);
  return Buffer.from(`${head}%${"x".repeat(pad)}\n${tail}`, "latin1");
}
