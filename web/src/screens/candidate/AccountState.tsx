/**
 * What a new account still has to do: verify the e-mail (then the NIP is confirmed), or, when another
 * account holds the NIP, file a dispute with a BKPSDM. And the way out: deleting the account.
 * The NIP's fate is told only here, to a verified account (functions/src/accounts/registerCandidate.ts).
 */
import { useEffect, useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import type { ProfileDoc } from "@domain/schemas/documents";
import { issueText, useT } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";
import { useAsync } from "../../ui/useAsync";
import { loadAuth } from "../../data/session";

async function callables() {
  return import("../../data/callables");
}

export function AccountState({ profile }: { profile: ProfileDoc }) {
  const t = useT();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [unverified, setUnverified] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const confirmIfVerified = async (fromButton: boolean) => {
    setIssues([]);
    try {
      const auth = await loadAuth();
      if (!(await auth.emailVerified())) {
        setUnverified(true);
        if (fromButton) setNotice(t("candidate.verifyStill"));
        return;
      }
      setUnverified(false);
      await (await callables()).confirmNip(); // the profile follows live
    } catch (error) {
      setIssues((await callables()).callableIssues(error));
    }
  };

  useEffect(() => {
    if (profile.nipStatus === "pending") void confirmIfVerified(false);
  }, [profile.nipStatus]);

  const deleteAccount = async () => {
    if (!window.confirm(t("candidate.deleteConfirm"))) return;
    try {
      await (await callables()).deleteMyAccount();
      await (await loadAuth()).signOut();
      window.location.assign("/");
    } catch (error) {
      setIssues((await callables()).callableIssues(error));
    }
  };

  return (
    <>
      {profile.nipStatus === "pending" && unverified && (
        <div data-testid="verify-email">
          <h2>{t("candidate.verifyTitle")}</h2>
          <p>{t("candidate.verifyText", { email: profile.email })}</p>
          <p class="actions">
            <button type="button" class="button" onClick={() => void confirmIfVerified(true)}>
              {t("candidate.verifyDone")}
            </button>{" "}
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                void loadAuth()
                  .then((auth) => auth.sendVerification())
                  .then(() => setNotice(t("signUp.resent")))
              }
            >
              {t("signUp.resend")}
            </button>
          </p>
          {notice && <Notice kind="info">{notice}</Notice>}
        </div>
      )}
      {(profile.nipStatus === "taken" || profile.nipStatus === "released") && <NipDispute />}
      {issues.map((issue) => (
        <Notice key={issue.code} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <p>
        <button type="button" class="button button--danger" onClick={() => void deleteAccount()}>
          {t("candidate.deleteAccount")}
        </button>
      </p>
    </>
  );
}

function NipDispute() {
  const t = useT();
  const instansi = useAsync(async () => (await import("../../data/accountData")).listInstansi(), []);
  const [instansiId, setInstansiId] = useState("");
  const [note, setNote] = useState("");
  const [filed, setFiled] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);

  const file = async (event: Event) => {
    event.preventDefault();
    const { fileNipDispute, callableIssues } = await import("../../data/callables");
    try {
      await fileNipDispute({ instansiId, note });
      setFiled(true);
    } catch (error) {
      setIssues(callableIssues(error));
    }
  };

  return (
    <div data-testid="nip-taken">
      <Notice kind="error">{t("candidate.nipTaken")}</Notice>
      {filed ? (
        <Notice kind="success">{t("candidate.disputeFiled")}</Notice>
      ) : (
        <form onSubmit={(e) => void file(e)}>
          <p class="field">
            <label for="dispute-instansi">{t("candidate.disputeInstansi")}</label>
            <select id="dispute-instansi" value={instansiId} onChange={(e) => setInstansiId(e.currentTarget.value)}>
              <option value="" />
              {instansi.status === "ready" &&
                instansi.value.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
            </select>
          </p>
          <p class="field">
            <label for="dispute-note">{t("candidate.disputeNote")}</label>
            <textarea id="dispute-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </p>
          <button type="submit" class="button" disabled={instansiId === ""}>
            {t("candidate.disputeSubmit")}
          </button>
        </form>
      )}
      {issues.map((issue) => (
        <Notice key={issue.code} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
    </div>
  );
}
