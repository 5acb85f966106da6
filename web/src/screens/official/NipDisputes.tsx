/**
 * The operator's queue of NIP disputes filed before this government's BKPSDM: after checking the
 * claimant's SK or KTP in person, release the NIP, transfer it to the claimant, or reject the claim.
 * The decision and its reason are audited by the function (functions/src/accounts/nipDisputes.ts).
 */
import { useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { formatNip } from "@domain/nip";
import { DISPUTE_DECISIONS, type DisputeDecision } from "@domain/signup";
import type { DisputeRow } from "../../data/accountData";
import { issueText, useT } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";
import { useLive } from "../../ui/useLive";

export function NipDisputes({ instansiId }: { instansiId: string }) {
  const t = useT();
  const disputes = useLive<DisputeRow[]>(async () => {
    const { watchOpenNipDisputes } = await import("../../data/accountData");
    return (next, fail) => watchOpenNipDisputes(instansiId, next, fail);
  }, [instansiId]);
  if (disputes.status !== "ready") return null;
  return (
    <section data-testid="nip-disputes">
      <h2>{t("disputes.title")}</h2>
      {disputes.value.length === 0 ? (
        <p>{t("disputes.none")}</p>
      ) : (
        <ul class="cards">
          {disputes.value.map((d) => (
            <li key={d.id}>
              <Dispute dispute={d} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const LABEL: Record<DisputeDecision, "disputes.release" | "disputes.transfer" | "disputes.reject"> = {
  release: "disputes.release",
  transfer: "disputes.transfer",
  reject: "disputes.reject",
};

function Dispute({ dispute }: { dispute: DisputeRow }) {
  const t = useT();
  const [reason, setReason] = useState("");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: DisputeDecision) => {
    setBusy(true);
    const { resolveNipDispute, callableIssues } = await import("../../data/callables");
    try {
      await resolveNipDispute({ disputeId: dispute.id, decision, reason });
      setIssues([]); // the dispute leaves the open list
    } catch (error) {
      setIssues(callableIssues(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card">
      <p>
        <strong>NIP {formatNip(dispute.nip)}</strong>
      </p>
      <p>{t("disputes.claimant", { name: dispute.claimantName, email: dispute.claimantEmail })}</p>
      <p>{t("disputes.holder", { name: dispute.holderName, email: dispute.holderEmail })}</p>
      {dispute.note && <p>{dispute.note}</p>}
      <p class="field">
        <label for={`reason-${dispute.id}`}>{t("disputes.reason")}</label>
        <textarea id={`reason-${dispute.id}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </p>
      <p class="actions">
        {DISPUTE_DECISIONS.map((decision) => (
          <button
            key={decision}
            type="button"
            class={decision === "reject" ? "button button--secondary" : "button"}
            disabled={busy}
            onClick={() => void decide(decision)}
          >
            {t(LABEL[decision])}
          </button>
        ))}
      </p>
      {issues.map((issue) => (
        <Notice key={issue.code} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
    </div>
  );
}
