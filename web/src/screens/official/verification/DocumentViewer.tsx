/**
 * A candidate's document shown inline: streamed from its chunks with progress, then an image
 * (zoomable) or the pages of a PDF drawn by pdf.js (./pdfRender.ts, loaded on first use).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocale } from "../../../i18n/i18n";
import { Notice } from "../../../ui/Notice";

const ZOOMS = [1, 1.5, 2, 3] as const;

/** `mimeType` "" takes the type from the manifest (an objection's attachment carries only its id). */
export function DocumentViewer({ fileId, mimeType }: { fileId: string; mimeType: string }) {
  const t = useLocale().t;
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [blob, setBlob] = useState<Blob | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
    let current = true;
    setBlob(undefined);
    setFailed(false);
    import("../../../data/verification")
      .then(({ downloadUpload }) => downloadUpload(fileId, (done, total) => current && setProgress({ done, total })))
      .then(
        (b) => current && setBlob(b),
        () => current && setFailed(true),
      );
    return () => {
      current = false;
    };
  }, [fileId]);

  if (failed) return <Notice kind="error">{t("err.document.corrupt")}</Notice>;
  if (!blob) {
    return (
      <p class="loading" aria-busy="true">
        {t("review.document.loading", { done: progress.done, total: progress.total })}
      </p>
    );
  }
  const scale = ZOOMS[zoom] ?? 1;
  return (
    <div class="viewer" data-testid={`viewer-${fileId}`}>
      <div class="actions">
        <button type="button" class="button button--secondary" disabled={zoom === 0} onClick={() => setZoom(zoom - 1)}>
          {t("review.zoomOut")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={zoom === ZOOMS.length - 1}
          onClick={() => setZoom(zoom + 1)}
        >
          {t("review.zoomIn")}
        </button>
      </div>
      <div class="viewer__frame">
        {(mimeType || blob.type) === "application/pdf" ? (
          <PdfPages blob={blob} scale={scale} />
        ) : (
          <ImageView blob={blob} scale={scale} />
        )}
      </div>
    </div>
  );
}

function ImageView({ blob, scale }: { blob: Blob; scale: number }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url ? <img src={url} alt="" class="viewer__image" style={{ width: `${scale * 100}%` }} /> : null;
}

function PdfPages({ blob, scale }: { blob: Blob; scale: number }) {
  const t = useLocale().t;
  const frame = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<import("./pdfRender").OpenedPdf | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let opened: import("./pdfRender").OpenedPdf | undefined;
    let current = true;
    Promise.all([import("./pdfRender"), blob.arrayBuffer()])
      .then(([{ openPdf }, buffer]) => openPdf(new Uint8Array(buffer)))
      .then(
        (p) => {
          opened = p;
          if (current) setPdf(p);
          else p.close();
        },
        () => current && setFailed(true),
      );
    return () => {
      current = false;
      opened?.close();
    };
  }, [blob]);

  useEffect(() => {
    if (!pdf || !frame.current) return;
    const width = (frame.current.clientWidth || 320) * scale;
    const canvases = [...frame.current.querySelectorAll("canvas")];
    // One page after the other: a cheap phone draws one canvas at a time without running out of memory.
    void canvases.reduce<Promise<void>>(
      (previous, canvas, i) => previous.then(() => pdf.render(i + 1, canvas, width)).catch(() => setFailed(true)),
      Promise.resolve(),
    );
  }, [pdf, scale]);

  if (failed) return <Notice kind="error">{t("err.document.corrupt")}</Notice>;
  return (
    <div ref={frame} class="viewer__pages">
      {pdf &&
        Array.from({ length: pdf.pages }, (_, i) => (
          <figure key={i} class="viewer__page">
            <canvas data-testid="pdf-page" />
            <figcaption class="muted">{t("review.document.page", { page: i + 1, pages: pdf.pages })}</figcaption>
          </figure>
        ))}
    </div>
  );
}
