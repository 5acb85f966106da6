/** Approve with one tap, or reject with a reason: a pejabat's decision on a proposed stage move. */
import { useState } from "preact/hooks";
import { issueText, useT } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

interface Props {
  readonly selectionId: string;
  readonly proposalId: string;
  /** Told the outcome, for lists where the decided proposal disappears at once. */
  readonly onDecided?: (message: string) => void;
}

export function ProposalDecision({ selectionId, proposalId, onDecided }: Props) {
  const t = useT();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const action = useAction();
  const { busy, issues } = action;

  const decide = async (decision: "approve" | "reject") => {
    if (decision === "reject" && !reason.trim()) {
      action.refuse([{ code: "err.stage.reasonRequired", field: "reason" }]);
      return;
    }
    const answer = await action.run(async (requestId) => {
      const { decideStage } = await import("../../data/callables");
      return decideStage({ selectionId, proposalId, decision, reason: reason.trim(), requestId });
    });
    if (!answer) return;
    const message =
      decision === "approve" ? t("inbox.approved", { stage: t(`stage.${answer.stage}`) }) : t("inbox.rejected");
    setDone(message);
    onDecided?.(message);
  };

  if (done) return <Notice kind="success">{done}</Notice>;
  return (
    <div class="decision">
      {rejecting && (
        <div class="field">
          <label for={`reason-${proposalId}`}>{t("inbox.rejectReason")}</label>
          <textarea id={`reason-${proposalId}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
      )}
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <div class="actions">
        {!rejecting && (
          <button type="button" class="button" disabled={busy} onClick={() => void decide("approve")}>
            {t("inbox.approve")}
          </button>
        )}
        <button
          type="button"
          class={rejecting ? "button button--danger" : "button button--secondary"}
          disabled={busy}
          onClick={() => (rejecting ? void decide("reject") : setRejecting(true))}
        >
          {t("inbox.reject")}
        </button>
      </div>
    </div>
  );
}
