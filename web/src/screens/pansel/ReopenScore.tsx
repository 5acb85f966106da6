/**
 * /pansel/:selectionId/buka-kembali/:scoreId — the ketua pansel reopens a member's submitted score
 * with a reason (reopenScore): reached from a spread flag of the ranking screen and from the ketua's
 * scoring list. Phone and tablet; a refusal is said in words and the reason typed stays.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { MIN_REOPEN_REASON, isKetua } from "@domain/scoring/submission";
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import { issueText, useLocale, useMessages } from "../../i18n/i18n";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { ReasonField } from "../../ui/ReasonField";
import type { SignedIn } from "../../ui/RequireSession";
import { useAction } from "../../ui/useAction";
import { useLive } from "../../ui/useLive";

/** "{applicationId}_{componentId}_{uid}": component ids and uids have no "_", so it splits from the right. */
function scoreParts(scoreId: string): { applicationId: string; componentId: string; memberUid: string } | null {
  const parts = scoreId.split("_");
  if (parts.length < 3) return null;
  const memberUid = parts.pop()!;
  const componentId = parts.pop()!;
  return { applicationId: parts.join("_"), componentId, memberUid };
}

export function ReopenScore({ session }: { session: SignedIn }) {
  const { t } = useLocale();
  const ready = useMessages("scoring");
  const { params, query } = useRoute();
  const selectionId = params["selectionId"] ?? "";
  const scoreId = params["scoreId"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(selectionId, next, fail);
  }, [selectionId]);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | undefined>();
  const action = useAction();

  if (!ready || selection.status === "loading") return <Loading />;
  if (selection.status === "error" || !selection.value || "broken" in selection.value)
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const s = selection.value;
  const parts = scoreParts(scoreId);
  if (!parts) return <Notice kind="error">{t("reopen.unknown")}</Notice>;
  if (!isKetua(s, session.uid)) return <Notice kind="error">{t("reopen.ketuaOnly")}</Notice>;
  const member = s.pansel.find((m) => m.uid === parts.memberUid)?.name ?? parts.memberUid;
  const component = s.scoringPlan.components.find((c) => c.id === parts.componentId)?.label ?? parts.componentId;
  const candidate = query["nama"] ?? "";

  const submit = async () => {
    setConfirming(false);
    if (reason.trim().length < MIN_REOPEN_REASON) return action.refuse([{ code: "err.score.reopenReason" }]);
    const answer = await action.run(async (requestId) => {
      const { call } = await import("../../data/callables");
      return call("reopenScore", { selectionId, scoreId, reason, requestId });
    });
    if (answer) setDone(answer.revision);
  };

  return (
    <section class="narrow" data-testid="reopen-score">
      <p class="eyebrow">
        <a href={`/kelola/${selectionId}/peringkat`}>{s.title}</a>
      </p>
      <h1>{t("reopen.title")}</h1>
      <ul class="plain">
        <li>{t("reopen.member", { member })}</li>
        {candidate && <li>{t("reopen.candidate", { name: candidate })}</li>}
        <li>{t("reopen.component", { component })}</li>
      </ul>
      {done !== undefined ? (
        <Notice kind="success">{t("reopen.done", { revision: done })}</Notice>
      ) : (
        <>
          <ReasonField
            id="reopen-reason"
            label={t("reopen.reason")}
            hint={t("reopen.hint")}
            value={reason}
            onInput={setReason}
          />
          {action.issues.map((issue, i) => (
            <Notice key={i} kind="error">
              {issueText(t, issue)}
            </Notice>
          ))}
          {confirming ? (
            <div class="confirm" data-testid="reopen-confirm">
              <p>{t("reopen.confirm")}</p>
              <button type="button" class="button" disabled={action.busy} onClick={() => void submit()}>
                {t("reopen.submit")}
              </button>{" "}
              <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
                {t("calibration.cancel")}
              </button>
            </div>
          ) : (
            <button type="button" class="button" disabled={action.busy} onClick={() => setConfirming(true)}>
              {t("reopen.submit")}
            </button>
          )}
        </>
      )}
      <p>
        <a href={`/kelola/${selectionId}/peringkat`}>{t("reopen.back")}</a>
      </p>
    </section>
  );
}
