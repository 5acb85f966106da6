/** Downloads a stored file with a progress bar: on a phone the wait is long enough to need one. */
import { useState } from "preact/hooks";
import { useT } from "../i18n/i18n";
import { Notice } from "./Notice";

/** Reads the file through whichever SDK the screen already has (data/publicData or data/staffDocuments). */
export type LoadDownloader = () => Promise<{
  downloadFile: (fileId: string, onProgress: (done: number, total: number) => void) => Promise<Blob>;
  CorruptFileError: new (fileId: string) => Error;
}>;

export function DownloadButton({ fileId, fileName, load }: { fileId: string; fileName: string; load: LoadDownloader }) {
  const t = useT();
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [failed, setFailed] = useState<"corrupt" | "network" | undefined>();

  const download = async () => {
    setFailed(undefined);
    const { downloadFile, CorruptFileError } = await load();
    try {
      const blob = await downloadFile(fileId, (done, total) => setProgress({ done, total }));
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setFailed(error instanceof CorruptFileError ? "corrupt" : "network");
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <div class="download">
      <button
        type="button"
        class="button button--secondary"
        disabled={progress !== undefined}
        onClick={() => void download()}
      >
        {t("document.download")}
      </button>
      {progress && (
        <div class="download__progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{t("document.downloading", { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {failed && <Notice kind="error">{t(failed === "corrupt" ? "err.document.corrupt" : "err.network")}</Notice>}
    </div>
  );
}
