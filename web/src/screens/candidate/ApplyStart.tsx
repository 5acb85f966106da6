/**
 * "Lamar jabatan ini" from the public selection page lands here: the application is made (or the one
 * already there found) by applyToPost, then the candidate goes on to it. A route of its own, so the
 * public page carries no Functions or Auth code.
 */
import { useEffect } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { issueText, useMessages, useT } from "../../i18n/i18n";
import type { SignedIn } from "../../ui/RequireSession";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

export function ApplyStart(_props: { session: SignedIn }) {
  const t = useT();
  const ready = useMessages("candidate");
  const { params } = useRoute();
  const { route } = useLocation();
  const selectionId = params["selectionId"] ?? "";
  const postId = params["postId"] ?? "";
  const action = useAction();

  const start = async () => {
    const { applyToPost } = await import("../../data/callables");
    const answer = await action.run((requestId) => applyToPost({ selectionId, postId, requestId }));
    if (answer) route(`/peserta/lamaran/${answer.applicationId}`, true);
  };
  useEffect(() => {
    void start();
  }, [selectionId, postId]);

  if (!ready) return <Loading />;
  return (
    <section class="narrow">
      <h1>{t("apply.title")}</h1>
      {action.busy && <p role="status">{t("apply.starting")}</p>}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {!action.busy && action.issues.length > 0 && (
        <p class="actions">
          <button type="button" class="button" onClick={() => void start()}>
            {t("app.retry")}
          </button>
          <a href={`/seleksi/${selectionId}`}>{t("apply.selection")}</a>
        </p>
      )}
    </section>
  );
}
