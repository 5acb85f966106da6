import { useLocation } from "preact-iso";
import { issueText, useT } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

/**
 * Starts an empty selection from the regulation's defaults and opens it. The request id outlives a
 * lost answer (useAction), so tapping again after a dropped connection opens the same draft.
 */
export function NewSelectionButton() {
  const t = useT();
  const { route } = useLocation();
  const action = useAction();
  const create = async () => {
    const answer = await action.run(async (requestId) => {
      const { createDraft } = await import("../../data/callables");
      return createDraft({ requestId });
    });
    if (answer) route(`/kelola/${answer.selectionId}`);
  };
  return (
    <>
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <p>
        <button type="button" class="button" disabled={action.busy} onClick={() => void create()}>
          {t("process.newDraft")}
        </button>
      </p>
    </>
  );
}
