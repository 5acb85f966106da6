/**
 * One selection as its officials see it: the stage, what waits for approval, the move an operator
 * may propose next (with the gates' answer when it may not), and the timeline of everything so far.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Issue } from "@domain/issue";
import { hasRole } from "@domain/roles";
import type { Stage } from "@domain/stages";
import { transitionsFrom } from "@domain/selection/stageMachine";
import { importOpen } from "@domain/scoring/importRequest";
import { assignmentClosed } from "@domain/selection/panselAssignment";
import type { AuditRow, BrokenSelection, SelectionWithId } from "../../data/live";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";
import { useAction } from "../../ui/useAction";
import { BrokenSetup } from "./BrokenSetup";
import { AnnouncementPanel } from "./AnnouncementPanel";
import { AppointmentNotice } from "./AppointmentNotice";
import { ProposalDecision } from "./ProposalDecision";
import { RegistrationPanel } from "./RegistrationPanel";
import { PanselAssignmentPanel } from "./PanselAssignmentPanel";
import { ClosingLetters } from "./ppk/ClosingLetters";

export function SelectionManage({ session }: { session: SignedIn }) {
  const { t, locale } = useLocale();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  const audit = useLive<AuditRow[]>(async () => {
    const { watchAudit } = await import("../../data/live");
    return (next, fail) => watchAudit(id, next, fail);
  }, [id]);

  if (selection.status === "loading") return <Loading />;
  if (selection.status === "error" || !selection.value)
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const s = selection.value;
  const isOperator = hasRole(session.claims, "operator");
  const isPejabat = hasRole(session.claims, "pejabat");
  if ("broken" in s) {
    return (
      <section>
        <h1>{s.title}</h1>
        <BrokenSetup findings={s.findings} repairHref={isOperator ? `/kelola/${s.id}/atur` : undefined} />
      </section>
    );
  }
  const pending = s.pendingProposal;

  return (
    <section>
      <p class="eyebrow">{s.instansiName}</p>
      <h1>{s.title}</h1>
      <p>
        <span class="badge" data-testid="stage">
          {t("process.stageNow", { stage: t(`stage.${s.stage}`) })}
        </span>
      </p>
      <AppointmentNotice selection={s} />
      {s.public && (
        <p>
          <a href={`/seleksi/${s.id}`}>{t("public.title")}</a>
        </p>
      )}
      {pending && (
        <Notice kind="info">
          <p>
            {t("process.pending", {
              stage: t(`stage.${pending.to}`),
              name: pending.proposedByName,
              at: formatDateTime(pending.proposedAt, locale),
            })}
          </p>
          {isPejabat && <ProposalDecision selectionId={s.id} proposalId={pending.id} />}
        </Notice>
      )}
      {isOperator && s.stage === "persiapan" && (
        <p>
          <a class="button button--secondary" href={`/kelola/${s.id}/atur`}>
            {t("setup.open")}
          </a>
        </p>
      )}
      {isOperator && s.stage === "persiapan" && <DeleteDraft selection={s} />}
      {isOperator && !pending && <ProposeMove selection={s} />}
      {isOperator && s.stage === "pendaftaran" && <RegistrationPanel selection={s} />}
      {isOperator && (s.stage === "pendaftaran" || s.stage === "seleksiAdministrasi") && (
        <p>
          <a class="button button--secondary" href={`/kelola/${s.id}/verifikasi`} data-testid="open-verification">
            {t("review.open")}
          </a>
          <span class="muted"> {t("review.unverifiedCount", { count: s.counts.unverifiedApplications })}</span>
        </p>
      )}
      {s.administrativeResult && (
        <p data-testid="administrative-result">
          <a href={`/verifikasi/${s.administrativeResult.documentId}`}>
            {t("result.published", { number: s.administrativeResult.number })}
          </a>
          {isOperator && (
            <>
              <br />
              <a href={`/kelola/${s.id}/sanggah`} data-testid="objections-link">
                {t("objections.link", { count: s.counts.openObjections })}
              </a>
            </>
          )}
        </p>
      )}
      {s.administrativeResult && (
        <p>
          <a class="button button--secondary" href={`/kelola/${s.id}/peringkat`} data-testid="ranking-link">
            {t("ranking.link")}
          </a>
        </p>
      )}
      {["laporanPpk", "rekomendasi", "penetapan", "pelantikan", "selesai"].includes(s.stage) && (
        <p>
          <a class="button button--secondary" href={`/kelola/${s.id}/pilihan-ppk`} data-testid="ppk-link">
            {t("ppk.open")}
          </a>
        </p>
      )}
      <ClosingLetters selection={s} isOperator={isOperator} />
      {isOperator && importOpen(s.stage) && s.scoringPlan.components.some((c) => c.imported) && (
        <p>
          <a class="button button--secondary" href={`/kelola/${s.id}/impor`} data-testid="import-link">
            {t("import.link")}
          </a>
        </p>
      )}
      {isOperator && !assignmentClosed(s.stage) && <PanselAssignmentPanel selection={s} />}
      {(s.public || s.announcementDocumentId) && (
        <AnnouncementPanel
          selectionId={s.id}
          documentId={s.announcementDocumentId}
          canIssue={isOperator && s.public && s.stage !== "dibatalkan"}
        />
      )}
      {isOperator && <CopyAsNew selectionId={s.id} />}

      <h2>{t("process.timeline")}</h2>
      {audit.status === "loading" && <Loading />}
      {audit.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {audit.status === "ready" && (
        <ol class="timeline" data-testid="timeline">
          {audit.value.map((e) => (
            <li key={e.id}>
              <strong>{e.actor.name}</strong>{" "}
              {t(`process.action.${e.action}`, { stage: e.to ? t(`stage.${e.to}`) : "" })}
              <br />
              <span class="muted">{formatDateTime(e.at, locale)}</span>
              {e.reason && <p>{e.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ProposeMove({ selection }: { selection: SelectionWithId }) {
  const t = useLocale().t;
  const moves = transitionsFrom(selection.stage, selection.stagesUsed);
  const [reason, setReason] = useState("");
  const [warnings, setWarnings] = useState<Issue[]>([]);
  const action = useAction();
  const { busy, issues } = action;

  const propose = async (to: Stage) => {
    const answer = await action.run(async (requestId) => {
      const { proposeStage } = await import("../../data/callables");
      return proposeStage({ selectionId: selection.id, to, reason: reason.trim(), requestId });
    });
    if (answer) setWarnings(answer.warnings);
  };

  if (moves.length === 0) return <p>{t("process.noMove")}</p>;
  return (
    <div class="decision">
      <div class="field">
        <label for="move-reason">{t("process.reason")}</label>
        <textarea id="move-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {warnings.length > 0 && (
        <Notice kind="info">
          <p>{t("process.proposed")}</p>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{issueText(t, w)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div class="actions">
        {moves.map((move) => (
          <button
            key={move.to}
            type="button"
            class={move.to === "dibatalkan" ? "button button--danger" : "button"}
            disabled={busy}
            onClick={() => void propose(move.to)}
          >
            {move.to === "dibatalkan" ? t("process.cancel") : t("process.propose", { stage: t(`stage.${move.to}`) })}
          </button>
        ))}
      </div>
    </div>
  );
}

function CopyAsNew({ selectionId }: { selectionId: string }) {
  const t = useLocale().t;
  const action = useAction();
  const copy = async () => {
    const answer = await action.run(async (requestId) => {
      const { createDraft } = await import("../../data/callables");
      return createDraft({ requestId, copyFrom: selectionId });
    });
    if (answer) location.assign(`/kelola/${answer.selectionId}`);
  };
  const issues = action.issues;
  return (
    <>
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <p>
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          {t("process.copy")}
        </button>
      </p>
    </>
  );
}

/** A draft in preparation can go; while the Sekda reviews its proposal it stays, and the page says why. */
function DeleteDraft({ selection }: { selection: SelectionWithId }) {
  const t = useLocale().t;
  const [asking, setAsking] = useState(false);
  const action = useAction();
  if (selection.pendingProposal) {
    return (
      <p class="muted" data-testid="delete-draft-blocked">
        {t("err.setup.deletePending")}
      </p>
    );
  }
  const remove = async () => {
    const answer = await action.run(async (requestId) => {
      const { deleteDraft } = await import("../../data/callables");
      return deleteDraft({ selectionId: selection.id, requestId });
    });
    if (answer) location.assign("/operator");
  };
  return (
    <>
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {asking ? (
        <div class="decision" role="alertdialog" aria-labelledby="delete-draft-question">
          <p id="delete-draft-question">{t("process.deleteDraftConfirm", { title: selection.title })}</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled={action.busy} onClick={() => void remove()}>
              {t("process.deleteDraftYes")}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
              {t("process.deleteDraftNo")}
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" class="button button--danger" onClick={() => setAsking(true)}>
            {t("process.deleteDraft")}
          </button>
        </p>
      )}
    </>
  );
}
