/**
 * Registration, post by post, for the operator: applicants so far, and what the regulation allows
 * when a post is short of them at the end: extend (a set number of times), then a recorded decision
 * to cancel the post or to continue. The server decides again; this only shows and asks.
 */
import { useState } from "preact/hooks";
import { profileById } from "@domain/regulation/profiles";
import type { ShortfallDecision } from "@domain/regulation/profile";
import { applicantShortfall } from "@domain/selection/applicants";
import type { SelectionWithId } from "../../data/live";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDate } from "../../ui/format";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

export function RegistrationPanel({ selection }: { selection: SelectionWithId }) {
  const { t, locale } = useLocale();
  const profile = profileById(selection.regulationProfileId);
  const [done, setDone] = useState<string | undefined>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const action = useAction();
  const { busy, issues } = action;
  if (!profile) return null;

  const counts = Object.fromEntries(selection.posts.map((p) => [p.id, selection.counts.applicantsPerPost[p.id] ?? 0]));
  const names = Object.fromEntries(selection.posts.map((p) => [p.id, p.name]));
  const outcomes = applicantShortfall(counts, selection.extensions, profile, names);
  const toExtend = Object.entries(outcomes).flatMap(([id, o]) =>
    o.status === "extend" && !selection.postDecisions[id] ? [id] : [],
  );
  const end = selection.schedule.pendaftaran?.end;

  const act = async (call: (requestId: string) => Promise<string>) => {
    setDone(undefined);
    setDone(await action.run(call));
  };

  const extend = () =>
    act(async (id) => {
      const { extendRegistration } = await import("../../data/callables");
      const answer = await extendRegistration({ selectionId: selection.id, postIds: toExtend, requestId: id });
      return t("registration.extended", { date: formatDate(answer.end, locale) });
    });

  const decide = (postId: string, decision: ShortfallDecision) =>
    act(async (id) => {
      const { decidePostShortfall } = await import("../../data/callables");
      await decidePostShortfall({
        selectionId: selection.id,
        postId,
        decision,
        reason: reasons[postId] ?? "",
        requestId: id,
      });
      return t("registration.decided");
    });

  return (
    <section class="panel" data-testid="registration">
      <h2>{t("registration.title")}</h2>
      {end && <p>{t("registration.ends", { date: formatDate(end, locale) })}</p>}
      <ul class="registration">
        {selection.posts.map((post) => {
          const outcome = outcomes[post.id];
          const decision = selection.postDecisions[post.id];
          return (
            <li key={post.id}>
              <strong>{post.name}</strong>
              <br />
              <span class="muted">
                {t("registration.row", { count: counts[post.id] ?? 0, extensions: selection.extensions[post.id] ?? 0 })}
              </span>
              {decision && <p>{t(`registration.decision.${decision}`)}</p>}
              {!decision && outcome?.status === "ok" && <p class="muted">{t("registration.enough")}</p>}
              {!decision && outcome && outcome.status !== "ok" && <p>{issueText(t, outcome.finding)}</p>}
              {!decision && outcome?.status === "decisionNeeded" && (
                <div class="decision">
                  <div class="field">
                    <label for={`decision-${post.id}`}>{t("registration.decisionReason")}</label>
                    <textarea
                      id={`decision-${post.id}`}
                      value={reasons[post.id] ?? ""}
                      onInput={(e) => setReasons((r) => ({ ...r, [post.id]: e.currentTarget.value }))}
                    />
                  </div>
                  <div class="actions">
                    <button
                      type="button"
                      class="button button--danger"
                      disabled={busy}
                      onClick={() => void decide(post.id, "cancelPost")}
                    >
                      {t("registration.cancelPost")}
                    </button>
                    <button
                      type="button"
                      class="button button--secondary"
                      disabled={busy}
                      onClick={() => void decide(post.id, "continueWithDecision")}
                    >
                      {t("registration.continuePost")}
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {done && <Notice kind="success">{done}</Notice>}
      {toExtend.length > 0 && (
        <p>
          <button type="button" class="button" disabled={busy} onClick={() => void extend()}>
            {t("registration.extend", { days: profile.applicants.extensionDays, count: toExtend.length })}
          </button>
        </p>
      )}
    </section>
  );
}
