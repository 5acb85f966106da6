import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Issue } from "@domain/issue";
import { loadAuth } from "../../data/session";
import { issueText, useT } from "../../i18n/i18n";
import { Field } from "../../ui/Field";
import { Notice } from "../../ui/Notice";

export function SignIn() {
  const t = useT();
  const { route } = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issue, setIssue] = useState<Issue | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setIssue(undefined);
    const auth = await loadAuth();
    try {
      await auth.signIn(email, password, shared);
      const { session } = await import("../../data/session");
      const current = session.get();
      route(current.status === "signedIn" ? current.home : "/");
    } catch (error) {
      setIssue(auth.authIssue(error));
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1>{t("signIn.title")}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          label={t("signIn.email")}
          value={email}
          onInput={setEmail}
        />
        <Field
          id="password"
          type="password"
          autoComplete="current-password"
          label={t("signIn.password")}
          value={password}
          onInput={setPassword}
        />
        <label class="check">
          <input type="checkbox" checked={shared} onChange={() => setShared(!shared)} /> {t("signIn.sharedDevice")}
        </label>
        {issue && <Notice kind="error">{issueText(t, issue)}</Notice>}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </form>
      <p>
        <a href="/daftar">{t("signIn.noAccount")}</a>
      </p>
    </section>
  );
}
