/**
 * The PPK's choice on a phone: per post, the 3 besar of the final ranking; choosing the second or
 * third asks a written reason; a confirmation, then the choice is recorded for good (choosePpk).
 * For the Sekda of a kabupaten/kota the governor is consulted first: the operator records the
 * governor's answer here, and the choice waits for it.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { hasRole } from "@domain/roles";
import { governorConsultation, MIN_REASON, regionKindOf, type NamedFinalist } from "@domain/scoring/ppkChoice";
import { profileById } from "@domain/regulation/profiles";
import type { StoredSelection } from "@domain/selection/stored";
import type { BrokenSelection, SelectionWithId } from "../../../data/live";
import { issueText, useLocale, useMessages, useT } from "../../../i18n/i18n";
import { formatDateTime } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { Notice } from "../../../ui/Notice";
import type { SignedIn } from "../../../ui/RequireSession";
import { useAction } from "../../../ui/useAction";
import { useLive } from "../../../ui/useLive";
import { ClosingLetters } from "./ClosingLetters";

export function PpkChoiceScreen({ session }: { session: SignedIn }) {
  const t = useT();
  const ready = useMessages("scoring");
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  if (!ready || selection.status === "loading") return <Loading />;
  if (selection.status === "error" || !selection.value || "broken" in selection.value)
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const s = selection.value;
  const posts = s.posts.filter((p) => s.postDecisions[p.id] !== "cancelPost");
  return (
    <section>
      <p class="eyebrow">{s.instansiName}</p>
      <h1>{t("ppk.title")}</h1>
      <p>{s.title}</p>
      {s.stage !== "penetapan" && <Notice kind="info">{t("ppk.notYet", { stage: t(`stage.${s.stage}`) })}</Notice>}
      <GovernorLetter selection={s} isOperator={hasRole(session.claims, "operator")} />
      <ul class="cards">
        {posts.map((post) => (
          <PostChoice key={post.id} selection={s} postId={post.id} mayChoose={hasRole(session.claims, "pejabat")} />
        ))}
      </ul>
      <ClosingLetters selection={s} isOperator={hasRole(session.claims, "operator")} />
      <p>
        <a href={`/kelola/${s.id}`}>{t("ppk.back")}</a>
      </p>
    </section>
  );
}

function consultationNeeded(s: StoredSelection, postName: string) {
  const profile = profileById(s.regulationProfileId);
  return profile ? governorConsultation(profile, regionKindOf(s.instansiName), postName) : { needed: false as const };
}

/** The governor's answer on the Sekda's three names: shown when recorded, recorded by an operator. */
function GovernorLetter({ selection: s, isOperator }: { selection: SelectionWithId; isOperator: boolean }) {
  const t = useT();
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const action = useAction();
  const sekda = s.posts.find((p) => s.postDecisions[p.id] !== "cancelPost" && consultationNeeded(s, p.name).needed);
  if (!sekda) return null;
  const need = consultationNeeded(s, sekda.name);
  if (s.governorConsultation) {
    return (
      <Notice kind="success">
        <span data-testid="governor-letter">
          {t("ppk.governor.recorded", {
            number: s.governorConsultation.letterNumber,
            date: s.governorConsultation.date,
          })}
        </span>
      </Notice>
    );
  }
  const record = async () => {
    await action.run(async (requestId) => {
      const { recordProcessLetter } = await import("../../../data/callables");
      return recordProcessLetter({
        selectionId: s.id,
        kind: "governorConsultation",
        letter: { letterNumber: number.trim(), date },
        requestId,
      });
    });
  };
  return (
    <div class="card card--padded" data-testid="governor-consultation">
      <p>{t("ppk.governor.needed", { post: sekda.name, cite: need.needed ? need.cite : "" })}</p>
      {isOperator && (
        <>
          <div class="field">
            <label for="gov-number">{t("ppk.governor.number")}</label>
            <input id="gov-number" value={number} onInput={(e) => setNumber(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="gov-date">{t("ppk.governor.date")}</label>
            <input id="gov-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </div>
          {action.issues.map((issue, i) => (
            <Notice key={i} kind="error">
              {issueText(t, issue)}
            </Notice>
          ))}
          <button type="button" class="button" disabled={action.busy} onClick={() => void record()}>
            {t("ppk.governor.record")}
          </button>
        </>
      )}
    </div>
  );
}

function PostChoice(props: { selection: SelectionWithId; postId: string; mayChoose: boolean }) {
  const { selection: s, postId, mayChoose } = props;
  const { t, locale } = useLocale();
  const post = s.posts.find((p) => p.id === postId)!;
  const chosen = s.ppkChoices[postId];
  const finalists = useLive<NamedFinalist[]>(async () => {
    const { watchFinalists } = await import("../../../data/ppkData");
    return (next, fail) => watchFinalists({ instansiId: s.instansiId, selectionId: s.id, postId }, next, fail);
  }, [s.instansiId, s.id, postId]);
  return (
    <li class="card card--padded" data-testid={`ppk-${postId}`}>
      <h2>{post.name}</h2>
      {chosen ? (
        <div data-testid={`ppk-${postId}-chosen`}>
          <p>
            <strong>{t("ppk.chosen", { name: chosen.name, rank: chosen.rank })}</strong>
          </p>
          {chosen.reason && <p>{t("ppk.reasonShown", { reason: chosen.reason })}</p>}
          <p class="muted">
            {t("ppk.chosenBy", { name: chosen.chosenByName, at: formatDateTime(chosen.chosenAt, locale) })}
          </p>
        </div>
      ) : finalists.status !== "ready" ? (
        finalists.status === "error" ? (
          <Notice kind="error">{t("ppk.noRanking")}</Notice>
        ) : (
          <Loading />
        )
      ) : finalists.value.length === 0 ? (
        <Notice kind="info">{t("ppk.noRanking")}</Notice>
      ) : (
        <ChoiceForm
          selection={s}
          postId={postId}
          finalists={finalists.value}
          mayChoose={mayChoose && s.stage === "penetapan"}
          waitsForGovernor={consultationNeeded(s, post.name).needed && !s.governorConsultation}
        />
      )}
    </li>
  );
}

function ChoiceForm(props: {
  selection: SelectionWithId;
  postId: string;
  finalists: readonly NamedFinalist[];
  mayChoose: boolean;
  waitsForGovernor: boolean;
}) {
  const { selection: s, postId, finalists, mayChoose, waitsForGovernor } = props;
  const t = useT();
  const [pick, setPick] = useState<string | undefined>();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const picked = finalists.find((f) => f.applicationId === pick);
  const needsReason = picked !== undefined && picked.rank > 1;

  const submit = async () => {
    if (!picked) return;
    if (needsReason && reason.trim().length < MIN_REASON) {
      action.refuse([
        { code: "err.ppk.reasonRequired", field: "reason", params: { rank: picked.rank, min: MIN_REASON } },
      ]);
      setConfirming(false);
      return;
    }
    const answer = await action.run(async (requestId) => {
      const { choosePpk } = await import("../../../data/callables");
      return choosePpk({ selectionId: s.id, postId, applicationId: picked.applicationId, reason, requestId });
    });
    // Refused: the pick and the reason stay on screen; recorded: the live selection shows the choice.
    if (!answer) setConfirming(false);
  };

  return (
    <div class="decision">
      <ol class="finalists" role="radiogroup" aria-label={t("ppk.finalists")}>
        {finalists.map((f) => (
          <li key={f.applicationId}>
            <label>
              <input
                type="radio"
                name={`ppk-${postId}`}
                disabled={!mayChoose}
                checked={pick === f.applicationId}
                onChange={() => {
                  setPick(f.applicationId);
                  setConfirming(false);
                }}
              />{" "}
              {t("ppk.finalist", { rank: f.rank, name: f.name })}
            </label>
          </li>
        ))}
      </ol>
      {waitsForGovernor && <Notice kind="info">{t("ppk.waitsForGovernor")}</Notice>}
      {mayChoose && !waitsForGovernor && needsReason && (
        <div class="field">
          <label for={`ppk-reason-${postId}`}>{t("ppk.reason", { rank: picked.rank, min: MIN_REASON })}</label>
          <textarea id={`ppk-reason-${postId}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
      )}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {mayChoose && !waitsForGovernor && picked && !confirming && (
        <button type="button" class="button" onClick={() => setConfirming(true)}>
          {t("ppk.choose")}
        </button>
      )}
      {confirming && picked && (
        <div class="confirm" data-testid={`ppk-${postId}-confirm`}>
          <p>{t("ppk.confirm", { name: picked.name, rank: picked.rank })}</p>
          <button type="button" class="button" disabled={action.busy} onClick={() => void submit()}>
            {t("ppk.confirmYes")}
          </button>{" "}
          <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
            {t("ppk.confirmNo")}
          </button>
        </div>
      )}
    </div>
  );
}
