/**
 * Operators and pejabat see the staff of their government, grant or remove the roles MAY_GRANT gives
 * them (an operator never makes a pejabat), and read the history of every change.
 */
import type { MemberWithId, RoleAuditWithId } from "../../data/live";
import { useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { grantableBy, type StaffRole } from "@domain/roles";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Notice } from "../../ui/Notice";
import { useLive } from "../../ui/useLive";
import { Loading } from "../../ui/Loading";

export function StaffRoles({ instansiId, granters }: { instansiId: string; granters: readonly StaffRole[] }) {
  const { t, locale } = useLocale();
  const offered = grantableBy(granters);
  const history = useLive<RoleAuditWithId[]>(async () => {
    const { watchRoleAudit } = await import("../../data/live");
    return (next, fail) => watchRoleAudit(instansiId, next, fail);
  }, [instansiId]);
  const [name, setName] = useState("");
  const members = useLive<MemberWithId[]>(async () => {
    const { watchMembers } = await import("../../data/live");
    return (next, fail) => watchMembers(instansiId, next, fail);
  }, [instansiId]);
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<StaffRole[]>(offered.includes("pansel") ? ["pansel"] : []);
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
    // The form sends the whole set: roles this caller may not touch (an operator's view of a pejabat)
    // stay as they are rather than being removed by omission.
    const known = members.status === "ready" ? members.value : [];
    const current = known.find((m) => m.email === email.trim().toLowerCase())?.roles ?? [];
    const kept = current.filter((r) => !offered.includes(r));
    const parsed = parseWith(setStaffRolesInput, {
      email,
      roles: [...roles, ...kept],
      ...(name.trim() ? { name } : {}),
    });
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
  const nameIssue = issues.find((i) => i.field === "name");
  const roleList = (list: readonly StaffRole[]) =>
    list.length > 0 ? list.map((r) => t(`role.${r}`)).join(", ") : t("official.rolesNone");
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
        <Field
          id="grant-name"
          label={t("official.grantName")}
          value={name}
          onInput={setName}
          error={nameIssue && issueText(t, nameIssue)}
        />
        <fieldset class="checks">
          <legend>{t("official.grantRoles")}</legend>
          {offered.map((role) => (
            <label key={role}>
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} /> {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        <p class="muted">{t("official.grantAllowed", { roles: roleList(offered) })}</p>
        {issues
          .filter((i) => i.field !== "email" && i.field !== "name")
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
      <h3>{t("official.roleAudit")}</h3>
      {history.status === "loading" && <Loading />}
      {history.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {history.status === "ready" &&
        (history.value.length === 0 ? (
          <p>{t("official.roleAuditNone")}</p>
        ) : (
          <ul class="role-history" aria-label={t("official.roleAudit")}>
            {history.value.map((entry) => (
              <li key={entry.id}>
                {t("official.roleAuditEntry", {
                  actor: entry.actor.name,
                  target: entry.target.name || entry.target.email,
                  before: roleList(entry.before),
                  after: roleList(entry.after),
                })}
                <br />
                <span class="muted">{formatDateTime(entry.at, locale)}</span>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
