/** Operators see the staff of their government and grant or remove roles by email. */
import type { MemberWithId } from "../../data/live";
import { useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { STAFF_ROLES, type StaffRole } from "@domain/roles";
import { issueText, useT } from "../../i18n/i18n";
import { Field } from "../../ui/Field";
import { Notice } from "../../ui/Notice";
import { useLive } from "../../ui/useLive";
import { Loading } from "../../ui/Loading";

export function StaffRoles({ instansiId }: { instansiId: string }) {
  const t = useT();
  const members = useLive<MemberWithId[]>(async () => {
    const { watchMembers } = await import("../../data/live");
    return (next, fail) => watchMembers(instansiId, next, fail);
  }, [instansiId]);
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<StaffRole[]>(["pansel"]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const toggle = (role: StaffRole) =>
    setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(undefined);
    // The form's checks and Cloud Functions load on first use: most visits only read the list.
    const [{ parseWith }, { setStaffRolesInput }, { setStaffRoles, callableIssues }] = await Promise.all([
      import("@domain/validation"),
      import("@domain/schemas/account"),
      import("../../data/callables"),
    ]);
    const parsed = parseWith(setStaffRolesInput, { email, roles });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setBusy(true);
    try {
      await setStaffRoles(parsed.value);
      setIssues([]);
      setDone(parsed.value.email);
    } catch (error) {
      setIssues(callableIssues(error));
    } finally {
      setBusy(false);
    }
  };

  const emailIssue = issues.find((i) => i.field === "email");
  return (
    <>
      <h2>{t("official.members")}</h2>
      {members.status === "loading" && <Loading />}
      {members.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {members.status === "ready" &&
        (members.value.length === 0 ? (
          <p>{t("official.membersNone")}</p>
        ) : (
          <ul class="members">
            {members.value.map((m) => (
              <li key={m.id}>
                <strong>{m.name || m.email}</strong> <span class="muted">{m.email}</span>
                <br />
                {m.roles.map((r) => t(`role.${r}`)).join(", ")}
              </li>
            ))}
          </ul>
        ))}
      <h3>{t("official.grantTitle")}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="grant-email"
          type="email"
          inputMode="email"
          label={t("official.grantEmail")}
          value={email}
          onInput={setEmail}
          error={emailIssue && issueText(t, emailIssue)}
        />
        <fieldset class="checks">
          <legend>{t("official.grantRoles")}</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role}>
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} /> {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        {issues
          .filter((i) => i.field !== "email")
          .map((issue) => (
            <Notice key={issue.code} kind="error">
              {issueText(t, issue)}
            </Notice>
          ))}
        {done && <Notice kind="success">{t("official.grantDone", { email: done })}</Notice>}
        <button type="submit" class="button" disabled={busy}>
          {t("official.grantSubmit")}
        </button>
      </form>
    </>
  );
}
