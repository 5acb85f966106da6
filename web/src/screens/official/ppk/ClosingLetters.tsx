/**
 * The letters after the ranking on a phone: the letter proposing the 3 besar to the PPK and the final
 * report to the national authority, each issued by an operator when its conditions hold (the same
 * domain checks the callables make) and downloadable by the officials; and the report's deadline
 * from the regulation profile, in red once it has passed.
 */
import { useState } from "preact/hooks";
import type { InstansiDoc } from "@domain/schemas/documents";
import { profileById } from "@domain/regulation/profiles";
import {
  FINAL_REPORT_STAGES,
  PROPOSAL_STAGES,
  finalReportDeadline,
  finalReportIssues,
  isOverdue,
} from "@domain/selection/closingLetters";
import type { SelectionWithId } from "../../../data/live";
import type { DocumentView } from "../../../data/storedDocuments";
import { issueText, useLocale } from "../../../i18n/i18n";
import { DownloadButton } from "../../../ui/DownloadButton";
import { formatDate } from "../../../ui/format";
import { Notice } from "../../../ui/Notice";
import { useAction } from "../../../ui/useAction";
import { useLive } from "../../../ui/useLive";

const loadDocuments = () => import("../../../data/staffDocuments");

export function ClosingLetters({ selection: s, isOperator }: { selection: SelectionWithId; isOperator: boolean }) {
  const { t } = useLocale();
  const showProposal = s.proposalDocumentId || (isOperator && PROPOSAL_STAGES.includes(s.stage));
  const showReport = FINAL_REPORT_STAGES.includes(s.stage) || s.finalReportDocumentId;
  if (!showProposal && !showReport) return null;
  return (
    <section class="card card--padded" data-testid="closing-letters">
      <h2>{t("letters.title")}</h2>
      <ReportDeadline selection={s} />
      {showProposal && (
        <Letter
          documentId={s.proposalDocumentId}
          current="letters.proposal.current"
          // Once the PPK has chosen, the proposal is history: no new version.
          issue={isOperator && Object.keys(s.ppkChoices).length === 0 ? "proposal" : undefined}
          selectionId={s.id}
        />
      )}
      {showReport && (
        <Letter
          documentId={s.finalReportDocumentId}
          current="letters.report.current"
          issue={isOperator && finalReportIssues(s).length === 0 ? "report" : undefined}
          selectionId={s.id}
        />
      )}
    </section>
  );
}

/** "Laporan ke BKN paling lambat 2 Desember 2021", red once that day has ended where the government is. */
function ReportDeadline({ selection: s }: { selection: SelectionWithId }) {
  const { t, locale } = useLocale();
  const instansi = useLive<InstansiDoc | undefined>(async () => {
    const { watchInstansi } = await import("../../../data/live");
    return (next, fail) => watchInstansi(s.instansiId, next, fail);
  }, [s.instansiId]);
  const zone = instansi.status === "ready" && instansi.value ? instansi.value.timeZone : "Asia/Jakarta";
  const deadline = finalReportDeadline(s, profileById(s.regulationProfileId)?.finalReport, zone);
  if (!deadline) return null;
  const params = {
    authority: deadline.rule.authorityShort,
    date: formatDate(deadline.dueOn, locale),
    days: deadline.rule.days,
    cite: deadline.rule.cite,
  };
  const overdue = !s.finalReportDocumentId && isOverdue(deadline, Date.now());
  return (
    <Notice kind={overdue ? "error" : "info"}>
      <span data-testid="report-deadline" data-overdue={overdue ? "true" : "false"}>
        {t(overdue ? "letters.report.overdue" : "letters.report.due", params)}
      </span>
    </Notice>
  );
}

function Letter(props: {
  documentId: string | null;
  current: "letters.proposal.current" | "letters.report.current";
  issue: "proposal" | "report" | undefined;
  selectionId: string;
}) {
  const { t } = useLocale();
  const action = useAction();
  const [fresh, setFresh] = useState<DocumentView | undefined>();
  const record = useLive<DocumentView | undefined>(async () => {
    const { getDocumentRecord } = await loadDocuments();
    return (next, fail) => {
      let live = true;
      if (!props.documentId) next(undefined);
      else
        getDocumentRecord(props.documentId).then(
          (value) => live && next(value),
          (error: unknown) => live && fail(error),
        );
      return () => {
        live = false;
      };
    };
  }, [props.documentId]);
  const shown = fresh ?? (record.status === "ready" ? record.value : undefined);
  const issue = async () => {
    const answer = await action.run(async (requestId) => {
      const callables = await import("../../../data/callables");
      const call = props.issue === "proposal" ? callables.issueProposalLetter : callables.issueFinalReport;
      return call({ selectionId: props.selectionId, requestId });
    });
    if (!answer) return;
    const { getDocumentRecord } = await loadDocuments();
    setFresh(await getDocumentRecord(answer.documentId));
  };
  const testId = props.current === "letters.proposal.current" ? "proposal-letter" : "final-report";
  return (
    <div data-testid={testId}>
      {shown && (
        <>
          <p>{t(props.current, { number: shown.number })}</p>
          <DownloadButton fileId={shown.fileId} fileName={shown.fileName} load={loadDocuments} />
        </>
      )}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {props.issue && (
        <p>
          <button type="button" class="button button--secondary" disabled={action.busy} onClick={() => void issue()}>
            {t(props.issue === "proposal" ? "letters.proposal.issue" : "letters.report.issue")}
          </button>
        </p>
      )}
    </div>
  );
}
