/**
 * Which pansel members score each post (issue 9): checkboxes of the committee members with accounts,
 * saved per post through assignPansel. A post without an assignment is the whole committee's. Shown
 * while assignment is open (until ranking starts); the server decides again.
 */
import { useState } from "preact/hooks";
import { assignedMembers } from "@domain/selection/panselAssignment";
import type { SelectionWithId } from "../../data/live";
import { issueText, useLocale } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

export function PanselAssignmentPanel({ selection }: { selection: SelectionWithId }) {
  const { t } = useLocale();
  const members = selection.pansel.filter((m): m is typeof m & { uid: string } => !!m.uid);
  const posts = selection.posts.filter((p) => selection.postDecisions[p.id] !== "cancelPost");
  // What the operator ticked, per post, until saved; the stored assignment otherwise.
  const [chosen, setChosen] = useState<Record<string, readonly string[]>>({});
  const [savedPost, setSavedPost] = useState<string | undefined>();
  const [busyPost, setBusyPost] = useState<string | undefined>();
  const action = useAction();

  const ticked = (postId: string) => chosen[postId] ?? assignedMembers(selection, postId);
  const toggle = (postId: string, uid: string, on: boolean) => {
    const now = ticked(postId);
    // Kept in the committee's order, as the server stores it.
    const next = members.map((m) => m.uid).filter((u) => (u === uid ? on : now.includes(u)));
    setChosen((c) => ({ ...c, [postId]: next }));
    setSavedPost(undefined);
  };
  const save = async (postId: string) => {
    setSavedPost(undefined);
    setBusyPost(postId);
    const answer = await action.run(async (requestId) => {
      const { assignPansel } = await import("../../data/callables");
      return assignPansel({ selectionId: selection.id, postId, memberUids: [...ticked(postId)], requestId });
    });
    setBusyPost(undefined);
    if (answer) {
      setChosen(({ [postId]: _saved, ...rest }) => rest);
      setSavedPost(postId);
    }
  };

  return (
    <section class="panel" data-testid="pansel-assignment">
      <h2>{t("assign.title")}</h2>
      <p class="muted">{t("assign.help")}</p>
      {members.length === 0 && <p>{t("assign.noAccounts")}</p>}
      {members.length > 0 &&
        posts.map((post) => (
          <fieldset key={post.id} data-testid={`assign-${post.id}`}>
            <legend>
              <strong>{post.name}</strong>
              {!(post.id in selection.panselAssignments) && <span class="muted"> ({t("assign.whole")})</span>}
            </legend>
            {members.map((m) => (
              <label key={m.uid} class="check">
                <input
                  type="checkbox"
                  checked={ticked(post.id).includes(m.uid)}
                  onChange={(e) => toggle(post.id, m.uid, e.currentTarget.checked)}
                />{" "}
                {m.name}
              </label>
            ))}
            <div class="actions">
              <button
                type="button"
                class="button button--secondary"
                disabled={action.busy}
                onClick={() => void save(post.id)}
              >
                {t("assign.save")}
              </button>
            </div>
            {busyPost === undefined && savedPost === post.id && <Notice kind="success">{t("assign.saved")}</Notice>}
          </fieldset>
        ))}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
    </section>
  );
}
