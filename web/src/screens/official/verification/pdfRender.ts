/**
 * PDF pages drawn in the app (Android's Chrome has no inline PDF viewer): pdf.js, bundled from
 * pdfjs-dist by the build (nothing fetched from a CDN), loaded only when an operator opens a PDF.
 * Its parser runs in its own worker file, served beside the app and left out of the offline
 * precache, so no phone downloads it unless it shows a PDF.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

export interface OpenedPdf {
  readonly pages: number;
  /** Draws page `n` (1-based) into the canvas, `cssWidth` pixels wide on screen. */
  render(n: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>;
  close(): void;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  // The page's Content-Security-Policy allows no eval: pdf.js must not try it.
  const pdf: PDFDocumentProxy = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  return {
    pages: pdf.numPages,
    async render(n, canvas, cssWidth) {
      const page = await pdf.getPage(n);
      const unscaled = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    },
    close() {
      void pdf.destroy();
    },
  };
}
