/**
 * Candidate sign-up. The form checks with the same schema as the function, so a candidate sees a
 * specific error (which NIP digit is wrong, and why) before anything is sent; the function checks
 * again and answers with the same catalogue keys. What was typed is never cleared on an error.
 */
import { useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Issue } from "@domain/issue";
import { parseNip } from "@domain/nip";
import { signUpInput } from "@domain/schemas/account";
import { parseWith } from "@domain/validation";
import { issueText, useT } from "../../i18n/i18n";
import { Field } from "../../ui/Field";
import { Notice } from "../../ui/Notice";
import { callableIssues, registerCandidate } from "../../data/callables";
import { loadAuth } from "../../data/session";

type FieldName = "name" | "nip" | "email" | "password" | "password2";
type Values = Record<FieldName, string>;

function today() {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Validates everything and returns the first issue per field. */
function check(values: Values): Partial<Record<FieldName, Issue>> {
  const errors: Partial<Record<FieldName, Issue>> = {};
  const parsed = parseWith(signUpInput(today()), values);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const field = issue.field as FieldName | undefined;
      if (field && !errors[field]) errors[field] = issue;
    }
  }
  if (values.password2 !== values.password) errors.password2 = { code: "err.password.mismatch", field: "password2" };
  return errors;
}

export function SignUp() {
  const t = useT();
  const { route } = useLocation();
  const [values, setValues] = useState<Values>({ name: "", nip: "", email: "", password: "", password2: "" });
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const errors = useMemo(() => check(values), [values]);

  const nipReading = useMemo(() => {
    const parsed = parseNip(values.nip);
    if (!parsed.ok) return undefined;
    return t("signUp.nipReading", {
      birth: parsed.nip.birthDate,
      start: parsed.nip.serviceStart,
      sex: t(parsed.nip.sex === "L" ? "sex.L" : "sex.P"),
    });
  }, [values.nip, t]);

  const set = (field: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerIssues((issues) => issues.filter((i) => i.field !== field));
  };
  const touch = (field: FieldName) => () => setTouched((s) => ({ ...s, [field]: true }));
  const errorOf = (field: FieldName): string | undefined => {
    const server = serverIssues.find((i) => i.field === field);
    if (server) return issueText(t, server);
    const local = errors[field];
    return local && touched[field] ? issueText(t, local) : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched({ name: true, nip: true, email: true, password: true, password2: true });
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setServerIssues([]);
    try {
      await registerCandidate({ name: values.name, nip: values.nip, email: values.email, password: values.password });
      const auth = await loadAuth();
      await auth.signIn(values.email, values.password);
      route("/peserta");
    } catch (error) {
      setServerIssues(callableIssues(error));
      setBusy(false);
    }
  };

  const general = serverIssues.filter((i) => !i.field);
  return (
    <section class="narrow">
      <h1>{t("signUp.title")}</h1>
      <p class="lead">{t("signUp.intro")}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="name"
          autoComplete="name"
          label={t("signUp.name")}
          value={values.name}
          onInput={set("name")}
          onBlur={touch("name")}
          error={errorOf("name")}
        />
        <Field
          id="nip"
          inputMode="numeric"
          label={t("signUp.nip")}
          hint={t("signUp.nipHint")}
          value={values.nip}
          onInput={set("nip")}
          onBlur={touch("nip")}
          error={errorOf("nip")}
          note={errorOf("nip") ? undefined : nipReading}
        />
        <Field
          id="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          label={t("signUp.email")}
          value={values.email}
          onInput={set("email")}
          onBlur={touch("email")}
          error={errorOf("email")}
        />
        <Field
          id="password"
          type="password"
          autoComplete="new-password"
          label={t("signUp.password")}
          hint={t("signUp.passwordHint")}
          value={values.password}
          onInput={set("password")}
          onBlur={touch("password")}
          error={errorOf("password")}
        />
        <Field
          id="password2"
          type="password"
          autoComplete="new-password"
          label={t("signUp.password2")}
          value={values.password2}
          onInput={set("password2")}
          onBlur={touch("password2")}
          error={errorOf("password2")}
        />
        {general.map((issue) => (
          <Notice key={issue.code} kind="error">
            {issueText(t, issue)}
          </Notice>
        ))}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t("signUp.busy") : t("signUp.submit")}
        </button>
      </form>
      <p>
        <a href="/masuk">{t("signUp.haveAccount")}</a>
      </p>
    </section>
  );
}
