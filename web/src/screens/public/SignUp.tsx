/**
 * Candidate sign-up. The form checks with the same schema as the function, so a candidate sees a
 * specific error (which NIP digit is wrong, and why) before anything is sent; the function checks
 * again and answers with the same catalogue keys. What was typed is never cleared on an error.
 *
 * The function answers "check your e-mail" whether the NIP or the e-mail was free or taken, so this
 * screen cannot say more either: it signs in with what was typed (which works only if the account is
 * this person's) and sends the verification link; the candidate home takes it from there.
 */
import { useMemo, useRef, useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { parseNip } from "@domain/nip";
import { signUpInput } from "@domain/schemas/account";
import { PENDING_RESERVATION_HOURS, PRIVACY_NOTICE_VERSION } from "@domain/signup";
import { parseWith } from "@domain/validation";
import { issueText, useT } from "../../i18n/i18n";
import { Field } from "../../ui/Field";
import { Notice } from "../../ui/Notice";
import { callableIssues, newRequestId, registerCandidate } from "../../data/callables";
import { loadAuth } from "../../data/session";

type FieldName = "name" | "nip" | "email" | "password" | "password2" | "privacyNotice";
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
  const [values, setValues] = useState<Values>({
    name: "",
    nip: "",
    email: "",
    password: "",
    password2: "",
    privacyNotice: "",
  });
  // Kept while the outcome is unknown (a lost answer), so the retry is the same sign-up.
  const requestId = useRef<string | undefined>(undefined);
  const [sent, setSent] = useState<{ email: string; signedIn: boolean } | undefined>(undefined);
  const [resent, setResent] = useState(false);
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
    setTouched({ name: true, nip: true, email: true, password: true, password2: true, privacyNotice: true });
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setServerIssues([]);
    requestId.current ??= newRequestId();
    try {
      await registerCandidate({
        name: values.name,
        nip: values.nip,
        email: values.email,
        password: values.password,
        privacyNotice: PRIVACY_NOTICE_VERSION,
        requestId: requestId.current,
      });
    } catch (error) {
      const issues = callableIssues(error);
      // A definite refusal starts a new sign-up next time; a network failure retries this one.
      if (!issues.some((i) => i.code === "err.network")) requestId.current = undefined;
      setServerIssues(issues);
      setBusy(false);
      return;
    }
    requestId.current = undefined;
    let signedIn = false;
    try {
      const auth = await loadAuth();
      await auth.signIn(values.email, values.password);
      await auth.sendVerification();
      signedIn = true;
    } catch {
      // The e-mail belongs to an account with another password: the same screen, nothing more.
    }
    setSent({ email: values.email.trim().toLowerCase(), signedIn });
    setBusy(false);
  };

  const resend = async () => {
    const auth = await loadAuth();
    await auth.sendVerification();
    setResent(true);
  };

  if (sent) {
    return (
      <section class="narrow">
        <h1>{t("signUp.checkEmailTitle")}</h1>
        <p class="lead" data-testid="check-email">
          {t("signUp.checkEmail", { email: sent.email, hours: PENDING_RESERVATION_HOURS })}
        </p>
        {sent.signedIn && (
          <p>
            <button type="button" class="button button--secondary" onClick={() => void resend()}>
              {t("signUp.resend")}
            </button>
          </p>
        )}
        {resent && <Notice kind="success">{t("signUp.resent")}</Notice>}
        <p>
          <a href={sent.signedIn ? "/peserta" : "/masuk"}>
            {t(sent.signedIn ? "candidate.title" : "signUp.haveAccount")}
          </a>
        </p>
      </section>
    );
  }

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
        <h2>{t("signUp.privacyTitle")}</h2>
        <p class="privacy" data-testid="privacy-notice">
          {t("signUp.privacyNotice", { hours: PENDING_RESERVATION_HOURS })}
        </p>
        <p class="field">
          <label>
            <input
              id="privacyNotice"
              type="checkbox"
              checked={values.privacyNotice === PRIVACY_NOTICE_VERSION}
              onChange={(e) => set("privacyNotice")(e.currentTarget.checked ? PRIVACY_NOTICE_VERSION : "")}
              aria-describedby={errorOf("privacyNotice") ? "privacyNotice-error" : undefined}
            />{" "}
            {t("signUp.consent", { version: PRIVACY_NOTICE_VERSION })}
          </label>
          {errorOf("privacyNotice") && (
            <span id="privacyNotice-error" class="field__error" role="alert">
              {errorOf("privacyNotice")}
            </span>
          )}
        </p>
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
