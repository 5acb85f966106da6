import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Issue } from "@domain/issue";
import { issueText, useT } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";

/** Starts an empty selection from the regulation's defaults and opens it. */
export function NewSelectionButton() {
  const t = useT();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const create = async () => {
    setBusy(true);
    const { createDraft, callableIssues, newRequestId } = await import("../../data/callables");
    try {
      const { selectionId } = await createDraft({ requestId: newRequestId() });
      route(`/kelola/${selectionId}`);
    } catch (error) {
      setIssues(callableIssues(error));
      setBusy(false);
    }
  };
  return (
    <>
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <p>
        <button type="button" class="button" disabled={busy} onClick={() => void create()}>
          {t("process.newDraft")}
        </button>
      </p>
    </>
  );
}
