/**
 * /peserta/profil: the candidate edits their profile on a phone, section by section, with every
 * error beside its field and a completeness indicator. A save goes to the device's outbox first
 * ("tersimpan di perangkat ini") and to saveProfile when online ("tersimpan"); a save the server
 * refuses keeps everything typed, and one made from an older revision shows both versions.
 */
import type { TargetedEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { formatNip } from "@domain/nip";
import { GOLONGAN, rankLabel } from "@domain/ranks";
import {
  EDUCATION_HISTORY_LEVELS,
  POST_TYPES,
  PROFILE_LIMITS,
  SKP_RATINGS,
  type ProfileSection,
} from "@domain/schemas/profile";
import type { ProfileDoc } from "@domain/schemas/documents";
import { differingSections, PROFILE_FIELDS, SECTION_OF } from "@domain/schemas/profileSave";
import { issueText, useMessages, useT, type Translate } from "../../../i18n/i18n";
import type { SignedIn } from "../../../ui/RequireSession";
import { Loading } from "../../../ui/Loading";
import { Notice } from "../../../ui/Notice";
import { useLive } from "../../../ui/useLive";
import { useOnline } from "../../../ui/useOnline";
import { CompletenessMeter } from "./Completeness";
import {
  checkForm,
  emptyEducation,
  emptyPerformance,
  emptyPost,
  formCompleteness,
  formFrom,
  inputId,
  issuesAt,
  type ProfileForm,
} from "./form";
import { useProfileOutbox } from "./useProfileOutbox";

function today() {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function ProfileEdit({ session }: { session: SignedIn }) {
  const ready = useMessages("candidate");
  const t = useT();
  const stored = useLive<ProfileDoc | undefined>(async () => {
    const { watchProfile } = await import("../../../data/live");
    return (next, fail) => watchProfile(session.uid, next, fail);
  }, [session.uid]);
  if (!ready || stored.status === "loading") return <Loading />;
  return (
    <section class="profile-edit">
      <p>
        <a href="/peserta">{t("profile.back")}</a>
      </p>
      <h1>{t("profile.edit.title")}</h1>
      <p class="lead">{t("profile.edit.lead")}</p>
      {stored.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {stored.status === "ready" && !stored.value && <Notice kind="info">{t("candidate.noProfile")}</Notice>}
      {stored.status === "ready" && stored.value && <ProfileEditor uid={session.uid} stored={stored.value} />}
    </section>
  );
}

function ProfileEditor({ uid, stored }: { uid: string; stored: ProfileDoc }) {
  const t = useT();
  const online = useOnline();
  // The revision the form was loaded from, not the live one: a save from another device meanwhile
  // must come back as a conflict, not be overwritten.
  const base = useRef(stored.profileRevision ?? 0);
  const outbox = useProfileOutbox(uid, (revision) => {
    base.current = revision;
  });
  const [form, setForm] = useState<ProfileForm>(() => formFrom(outbox.item?.profile ?? stored));
  const [checked, setChecked] = useState<readonly Issue[]>([]);
  const item = outbox.item;
  const issues: readonly Issue[] = checked.length > 0 ? checked : item?.state === "refused" ? (item.issues ?? []) : [];

  // A link from the candidate's home to a missing section: scroll to it once the form is there.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  const update = (patch: Partial<ProfileForm>) => setForm((f) => ({ ...f, ...patch }));
  const save = (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    const result = checkForm(form, today());
    if (!result.ok) {
      setChecked(result.issues);
      const first = result.issues.find((i) => i.field);
      if (first?.field) requestAnimationFrame(() => document.getElementById(inputId(first.field ?? ""))?.focus());
      return;
    }
    setChecked([]);
    outbox.queue(result.profile, base.current);
  };

  const field = (name: string) => ({
    id: inputId(name),
    issues: issuesAt(issues, name),
  });
  const known = new Set<string>(PROFILE_FIELDS);
  const unplaced = issues.filter((i) => !known.has((i.field ?? "").replace(/^profile\./, "").split(".")[0] ?? ""));

  return (
    <>
      <CompletenessMeter completeness={formCompleteness(form)} linkTo="" />
      {item?.state === "conflict" && item.conflict && (
        <Conflict
          issues={item.issues ?? []}
          mine={item.profile}
          theirs={item.conflict.profile}
          onKeep={() => outbox.keepMine()}
          onTake={() => {
            const conflict = item.conflict;
            if (!conflict) return;
            setForm(formFrom(conflict.profile));
            base.current = conflict.revision;
            outbox.discard();
          }}
        />
      )}
      <form onSubmit={save} noValidate>
        <Section id="identity">
          <TextInput {...field("nip")} label={t("profile.field.nip")} value={formatNip(form.nip)} readOnly>
            {t("profile.field.nipHint")}
          </TextInput>
          <TextInput
            {...field("name")}
            label={t("profile.field.name")}
            value={form.name}
            autoComplete="name"
            onInput={(name) => update({ name })}
          />
        </Section>
        <Section id="birth">
          <TextInput
            {...field("birthPlace")}
            label={t("profile.field.birthPlace")}
            value={form.birthPlace}
            onInput={(birthPlace) => update({ birthPlace })}
          />
          <TextInput
            {...field("birthDate")}
            type="date"
            label={t("profile.field.birthDate")}
            value={form.birthDate}
            onInput={(birthDate) => update({ birthDate })}
          />
        </Section>
        <Section id="rank">
          <SelectInput
            {...field("golongan")}
            label={t("profile.field.golongan")}
            value={form.golongan}
            options={[["", t("profile.field.choose")], ...GOLONGAN.map((g): [string, string] => [g, rankLabel(g)])]}
            onChange={(g) => update({ golongan: g as ProfileForm["golongan"] })}
          />
          <TextInput
            {...field("golonganSince")}
            type="date"
            label={t("profile.field.golonganSince")}
            value={form.golonganSince}
            onInput={(golonganSince) => update({ golonganSince })}
          />
        </Section>
        <Section id="currentPost">
          <TextInput
            {...field("currentPost")}
            label={t("profile.field.currentPost")}
            value={form.currentPost}
            onInput={(currentPost) => update({ currentPost })}
          />
          <TextInput
            {...field("currentInstansi")}
            label={t("profile.field.currentInstansi")}
            value={form.currentInstansi}
            onInput={(currentInstansi) => update({ currentInstansi })}
          />
          <TextInput
            {...field("province")}
            label={t("profile.field.province")}
            value={form.province}
            onInput={(province) => update({ province })}
          />
        </Section>
        <Section id="posts" issues={issuesAt(issues, "posts")}>
          {form.posts.length === 0 && <p class="muted">{t("profile.rows.none")}</p>}
          {form.posts.map((row, i) => {
            const set = (patch: Partial<typeof row>) =>
              update({ posts: form.posts.map((r) => (r.key === row.key ? { ...r, ...patch } : r)) });
            return (
              <div class="profile-row" key={row.key}>
                <TextInput
                  {...field(`posts.${i}.name`)}
                  label={t("profile.post.name")}
                  value={row.name}
                  onInput={(name) => set({ name })}
                />
                <SelectInput
                  {...field(`posts.${i}.type`)}
                  label={t("profile.post.type")}
                  value={row.type}
                  options={POST_TYPES.map((p): [string, string] => [p, t(`profile.postType.${p}`)])}
                  onChange={(type) => set({ type: type as typeof row.type })}
                />
                <TextInput
                  {...field(`posts.${i}.from`)}
                  type="date"
                  label={t("profile.post.from")}
                  value={row.from}
                  onInput={(from) => set({ from })}
                />
                <TextInput
                  {...field(`posts.${i}.to`)}
                  type="date"
                  label={t("profile.post.to")}
                  value={row.to}
                  onInput={(to) => set({ to })}
                />
                <RemoveRow onClick={() => update({ posts: form.posts.filter((r) => r.key !== row.key) })} />
              </div>
            );
          })}
          {form.posts.length < PROFILE_LIMITS.posts && (
            <AddRow label={t("profile.row.addPost")} onClick={() => update({ posts: [...form.posts, emptyPost()] })} />
          )}
        </Section>
        <Section id="education" issues={issuesAt(issues, "education")}>
          {form.education.length === 0 && <p class="muted">{t("profile.rows.none")}</p>}
          {form.education.map((row, i) => {
            const set = (patch: Partial<typeof row>) =>
              update({ education: form.education.map((r) => (r.key === row.key ? { ...r, ...patch } : r)) });
            return (
              <div class="profile-row" key={row.key}>
                <SelectInput
                  {...field(`education.${i}.level`)}
                  label={t("profile.edu.level")}
                  value={row.level}
                  options={EDUCATION_HISTORY_LEVELS.map((l): [string, string] => [l, l])}
                  onChange={(level) => set({ level: level as typeof row.level })}
                />
                <TextInput
                  {...field(`education.${i}.field`)}
                  label={t("profile.edu.field")}
                  value={row.field}
                  onInput={(value) => set({ field: value })}
                />
                <TextInput
                  {...field(`education.${i}.institution`)}
                  label={t("profile.edu.institution")}
                  value={row.institution}
                  onInput={(institution) => set({ institution })}
                />
                <TextInput
                  {...field(`education.${i}.year`)}
                  inputMode="numeric"
                  label={t("profile.edu.year")}
                  value={row.year}
                  onInput={(year) => set({ year })}
                />
                <RemoveRow onClick={() => update({ education: form.education.filter((r) => r.key !== row.key) })} />
              </div>
            );
          })}
          {form.education.length < PROFILE_LIMITS.education && (
            <AddRow
              label={t("profile.row.addEducation")}
              onClick={() => update({ education: [...form.education, emptyEducation()] })}
            />
          )}
        </Section>
        <Section id="performance" issues={issuesAt(issues, "performance")}>
          {form.performance.length === 0 && <p class="muted">{t("profile.rows.none")}</p>}
          {form.performance.map((row, i) => {
            const set = (patch: Partial<typeof row>) =>
              update({ performance: form.performance.map((r) => (r.key === row.key ? { ...r, ...patch } : r)) });
            return (
              <div class="profile-row" key={row.key}>
                <TextInput
                  {...field(`performance.${i}.year`)}
                  inputMode="numeric"
                  label={t("profile.skp.year")}
                  value={row.year}
                  onInput={(year) => set({ year })}
                />
                <SelectInput
                  {...field(`performance.${i}.rating`)}
                  label={t("profile.skp.rating")}
                  value={row.rating}
                  options={SKP_RATINGS.map((r): [string, string] => [r, r])}
                  onChange={(rating) => set({ rating: rating as typeof row.rating })}
                />
                <RemoveRow onClick={() => update({ performance: form.performance.filter((r) => r.key !== row.key) })} />
              </div>
            );
          })}
          {form.performance.length < PROFILE_LIMITS.performance && (
            <AddRow
              label={t("profile.row.addPerformance")}
              onClick={() => update({ performance: [...form.performance, emptyPerformance()] })}
            />
          )}
        </Section>
        <Section id="contact">
          <TextInput
            {...field("phone")}
            type="tel"
            label={t("profile.field.phone")}
            value={form.phone}
            autoComplete="tel"
            onInput={(phone) => update({ phone })}
          />
          <TextInput
            {...field("email")}
            type="email"
            label={t("profile.field.email")}
            value={form.email}
            autoComplete="email"
            onInput={(email) => update({ email })}
          />
        </Section>
        {issues.length > 0 && (
          <Notice kind="error">
            <p>{t(checked.length > 0 ? "profile.state.errors" : "profile.state.refused", { count: issues.length })}</p>
            {unplaced.length > 0 && (
              <ul>
                {unplaced.map((i, n) => (
                  <li key={n}>{issueText(t, i)}</li>
                ))}
              </ul>
            )}
          </Notice>
        )}
        <button type="submit" class="button">
          {t("profile.save")}
        </button>
        <p class="save-state" role="status" data-testid="profile-save-state">
          {saveState(t, { online, sending: outbox.sending, waiting: item?.state === "waiting", sent: outbox.sent })}
        </p>
      </form>
    </>
  );
}

function saveState(t: Translate, s: { online: boolean; sending: boolean; waiting: boolean; sent: boolean }): string {
  if (s.waiting && !s.online) return `${t("profile.state.device")} ${t("profile.state.offline")}`;
  if (s.sending) return t("profile.state.sending");
  if (s.waiting) return t("profile.state.device");
  return s.sent ? t("profile.state.saved") : "";
}

function Section({ id, issues = [], children }: { id: ProfileSection; issues?: readonly Issue[]; children: unknown }) {
  const t = useT();
  return (
    <fieldset class="group" id={`section-${id}`}>
      <legend>{t(`profile.section.${id}`)}</legend>
      {children as never}
      <Issues issues={issues} id={`section-${id}-error`} />
    </fieldset>
  );
}

function Issues({ issues, id }: { issues: readonly Issue[]; id: string }) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <p id={id} class="field__error" role="alert">
      {issues.map((i) => issueText(t, i)).join(" ")}
    </p>
  );
}

interface InputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly issues: readonly Issue[];
  readonly onInput?: (value: string) => void;
  readonly type?: "text" | "date" | "email" | "tel";
  readonly inputMode?: "text" | "numeric";
  readonly autoComplete?: string;
  readonly readOnly?: boolean;
  /** A hint under the input. */
  readonly children?: string;
}

function TextInput(props: InputProps) {
  const error = props.issues.length > 0;
  const described = [props.children && `${props.id}-hint`, error && `${props.id}-error`].filter(Boolean).join(" ");
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    readOnly: props.readOnly,
    inputMode: props.inputMode,
    autoComplete: props.autoComplete ?? "off",
    onInput: (e: TargetedEvent<HTMLInputElement>) => props.onInput?.(e.currentTarget.value),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
  };
  // Preact 11 types `type` together with `role` and `list`, so each input type is written apart.
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.type === "date" ? (
        <input type="date" {...common} />
      ) : props.type === "email" ? (
        <input type="email" {...common} />
      ) : props.type === "tel" ? (
        <input type="tel" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {props.children && (
        <small id={`${props.id}-hint`} class="field__hint">
          {props.children}
        </small>
      )}
      <Issues issues={props.issues} id={`${props.id}-error`} />
    </div>
  );
}

function SelectInput(props: {
  id: string;
  label: string;
  value: string;
  issues: readonly Issue[];
  options: readonly [string, string][];
  onChange: (value: string) => void;
}) {
  const error = props.issues.length > 0;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <Issues issues={props.issues} id={`${props.id}-error`} />
    </div>
  );
}

function AddRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="button button--secondary" onClick={onClick}>
      {label}
    </button>
  );
}

function RemoveRow({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" class="link" onClick={onClick}>
      {t("profile.row.remove")}
    </button>
  );
}

/** Both versions of each section that differs, and the candidate's choice between them. */
function Conflict(props: {
  issues: readonly Issue[];
  mine: Readonly<Record<string, unknown>>;
  theirs: Readonly<Record<string, unknown>>;
  onKeep: () => void;
  onTake: () => void;
}) {
  const t = useT();
  const sections = differingSections(props.mine, props.theirs);
  return (
    <div class="panel" data-testid="profile-conflict">
      <Notice kind="error">
        {props.issues.map((i, n) => (
          <p key={n}>{issueText(t, i)}</p>
        ))}
      </Notice>
      <table class="conflict">
        <thead>
          <tr>
            <th />
            <th>{t("profile.conflict.mine")}</th>
            <th>{t("profile.conflict.theirs")}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s}>
              <th>{t(`profile.section.${s}`)}</th>
              <td>
                <pre>{summary(t, s, props.mine)}</pre>
              </td>
              <td>
                <pre>{summary(t, s, props.theirs)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="button" onClick={props.onKeep}>
          {t("profile.conflict.keepMine")}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onTake}>
          {t("profile.conflict.takeTheirs")}
        </button>
      </div>
    </div>
  );
}

/** A section of a profile as lines of text, for the side-by-side view. */
function summary(t: Translate, section: ProfileSection, p: Readonly<Record<string, unknown>>): string {
  const lines = PROFILE_FIELDS.filter((f) => SECTION_OF[f] === section).flatMap((f) => {
    const value = p[f];
    if (!Array.isArray(value)) return typeof value === "string" || typeof value === "number" ? [String(value)] : [];
    return value.map((row: Record<string, unknown>) =>
      f === "posts"
        ? `${String(row["name"])} (${String(row["from"])}\u2013${typeof row["to"] === "string" ? row["to"] : ""})`
        : Object.values(row).map(String).join(", "),
    );
  });
  return lines.length > 0 ? lines.join("\n") : t("profile.summary.empty");
}
