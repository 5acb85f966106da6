/**
 * A member's scoring list for one selection (/pansel/:selectionId/nilai): per post assigned to them,
 * the candidates they declared no conflict with × the current stage's components the pansel scores,
 * each with its state: not filled in, saved on this device, synced, submitted (locked). Everything
 * comes from the offline cache when there is no Wi-Fi.
 */
import { useRoute } from "preact-iso";
import type { ScoringComponent } from "@domain/selection/setup";
import { scoreId } from "@domain/scoring/score";
import { isKetua } from "@domain/scoring/submission";
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import type { CandidateRow, DraftRow, ScoreRow } from "../../data/scoreData";
import type { StoredConflicts } from "@domain/scoring/conflicts";
import { useLocale, useMessages } from "../../i18n/i18n";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";

export type ScoreState = "empty" | "device" | "synced" | "submitted" | "reopened";

/** What the member sees of one score: the server's lock first, then where the draft is. */
export function scoreState(draft: Pick<DraftRow, "pending"> | undefined, score: ScoreRow | undefined): ScoreState {
  if (score?.status === "submitted") return "submitted";
  if (draft?.pending) return "device";
  if (score?.reopened) return "reopened";
  return draft ? "synced" : "empty";
}

export function ScoringList({ session }: { session: SignedIn }) {
  const ready = useMessages("scoring");
  const { t } = useLocale();
  const { params } = useRoute();
  const selectionId = params["selectionId"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(selectionId, next, fail);
  }, [selectionId]);
  const drafts = useLive<DraftRow[]>(async () => {
    const { watchMyDrafts } = await import("../../data/scoreData");
    return (next, fail) => watchMyDrafts(selectionId, session.uid, next, fail);
  }, [selectionId, session.uid]);
  const scores = useLive<ScoreRow[]>(async () => {
    const { watchMyScores } = await import("../../data/scoreData");
    return (next, fail) => watchMyScores(selectionId, session.uid, next, fail);
  }, [selectionId, session.uid]);

  if (!ready || selection.status === "loading") return <Loading />;
  const s = selection.status === "ready" && selection.value && !("broken" in selection.value) ? selection.value : null;
  if (!s) return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const components = s.scoringPlan.components.filter((c) => c.stage === s.stage && !c.imported);
  const posts = s.posts.filter((p) => {
    const assigned = s.panselAssignments[p.id];
    return (!assigned || assigned.includes(session.uid)) && s.postDecisions[p.id] !== "cancelPost";
  });
  const draftById = new Map((drafts.status === "ready" ? drafts.value : []).map((d) => [d.id, d]));
  const scoreById = new Map((scores.status === "ready" ? scores.value : []).map((d) => [d.id, d]));

  return (
    <section>
      <p class="eyebrow">
        <a href="/pansel">{s.title}</a>
      </p>
      <h1>{t("scoring.list.title")}</h1>
      <p>{t("scoring.list.stage", { stage: t(`stage.${s.stage}`) })}</p>
      {isKetua(s, session.uid) && (
        <p>
          <a href={`/kelola/${s.id}/peringkat`}>{t("calibration.title")}</a>
        </p>
      )}
      {components.length === 0 ? (
        <Notice kind="info">{t("scoring.list.noComponents")}</Notice>
      ) : (
        posts.map((post) => (
          <PostBlock
            key={post.id}
            selectionId={s.id}
            postId={post.id}
            postName={post.name}
            uid={session.uid}
            ketua={isKetua(s, session.uid)}
            components={components}
            draftById={draftById}
            scoreById={scoreById}
          />
        ))
      )}
    </section>
  );
}

function PostBlock(props: {
  selectionId: string;
  postId: string;
  postName: string;
  uid: string;
  /** The ketua reopens a locked score from here (./ReopenScore.tsx). */
  ketua: boolean;
  components: readonly ScoringComponent[];
  draftById: ReadonlyMap<string, DraftRow>;
  scoreById: ReadonlyMap<string, ScoreRow>;
}) {
  const { t } = useLocale();
  const conflicts = useLive<StoredConflicts | undefined>(async () => {
    const { watchMyConflicts } = await import("../../data/scoreData");
    return (next, fail) => watchMyConflicts(props.selectionId, props.postId, props.uid, next, fail);
  }, [props.selectionId, props.postId, props.uid]);
  const free =
    conflicts.status === "ready" && conflicts.value
      ? conflicts.value.entries.filter((e) => e.kind === "none").map((e) => e.applicationId)
      : [];
  return (
    <div data-testid={`post-${props.postId}`}>
      <h2>{props.postName}</h2>
      {conflicts.status === "loading" && <Loading />}
      {conflicts.status !== "loading" && !(conflicts.status === "ready" && conflicts.value) && (
        <Notice kind="info">{t("scoring.list.undeclared")}</Notice>
      )}
      {conflicts.status === "ready" && conflicts.value && free.length === 0 && <p>{t("scoring.list.none")}</p>}
      <ul class="cards">
        {free.map((applicationId) => (
          <CandidateCard key={applicationId} applicationId={applicationId} {...props} />
        ))}
      </ul>
    </div>
  );
}

function CandidateCard(props: {
  applicationId: string;
  selectionId: string;
  uid: string;
  /** The ketua reopens a locked score from here (./ReopenScore.tsx). */
  ketua: boolean;
  components: readonly ScoringComponent[];
  draftById: ReadonlyMap<string, DraftRow>;
  scoreById: ReadonlyMap<string, ScoreRow>;
}) {
  const { t } = useLocale();
  const candidate = useLive<CandidateRow | undefined>(async () => {
    const { watchCandidate } = await import("../../data/scoreData");
    return (next, fail) => watchCandidate(props.applicationId, next, fail);
  }, [props.applicationId]);
  const name = candidate.status === "ready" && candidate.value ? candidate.value.candidateName : props.applicationId;
  return (
    <li class="card card--padded" data-testid={`candidate-${props.applicationId}`}>
      <strong class="card__title">{name}</strong>
      <ul class="score-states">
        {props.components.map((c) => {
          const id = scoreId(props.applicationId, c.id, props.uid);
          const state = scoreState(props.draftById.get(id), props.scoreById.get(id));
          return (
            <li key={c.id}>
              <a href={`/pansel/${props.selectionId}/nilai/${props.applicationId}/${c.id}`}>{c.label}</a>{" "}
              <span class={`badge badge--${state}`} data-testid={`state-${props.applicationId}-${c.id}`}>
                {t(`scoring.state.${state}`)}
              </span>
              {props.ketua && state === "submitted" && (
                <>
                  {" "}
                  <a href={`/pansel/${props.selectionId}/buka-kembali/${id}?nama=${encodeURIComponent(name)}`}>
                    {t("scoring.list.reopen")}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
