/**
 * Step 2: the posts, each with its requirements and document checklist. Posts and documents fold
 * into one line each, so a phone shows the list and one open item, not forty screens of inputs.
 */
import { GOLONGAN, rankLabel } from "@domain/ranks";
import { EDUCATION_LEVELS, FILE_FORMATS } from "@domain/selection/setup";
import { JPT_LEVELS } from "@domain/schemas/documents";
import { useT } from "../../../i18n/i18n";
import { Field } from "../../../ui/Field";
import { newDocument, newPost, type DocumentForm, type PostForm } from "./form";
import { Check, Input, Lines, Messages, Select, fieldId, type Findings } from "./parts";
import type { StepProps, Update } from "./step";

/** Limits of the schema (setup.ts). */
const MAX_POSTS = 40;
const MAX_DOCUMENTS = 30;
const MAX_CONDITIONS = 20;

export function StepPosts({
  form,
  update,
  findings,
  defaultMaxAge,
  reveal,
}: StepProps & { defaultMaxAge: number; reveal: (field: string) => void }) {
  const t = useT();
  const add = () => {
    const index = form.posts.length;
    update((f) => {
      f.posts.push(newPost(defaultMaxAge));
    });
    reveal(`posts.${index}.name`);
  };
  return (
    <>
      <p class="lead">{t("setup.postsIntro")}</p>
      <div id={fieldId("posts")}>
        <Messages items={findings.at("posts")} />
      </div>
      <ul class="setup-list">
        {form.posts.map((post, i) => (
          <PostItem key={post.key} post={post} index={i} update={update} findings={findings} reveal={reveal} />
        ))}
      </ul>
      {form.posts.length < MAX_POSTS && (
        <p>
          <button type="button" class="button button--secondary" onClick={add}>
            {t("setup.addPost")}
          </button>
        </p>
      )}
    </>
  );
}

function PostItem({
  post,
  index,
  update,
  findings,
  reveal,
}: {
  post: PostForm;
  index: number;
  update: Update;
  findings: Findings;
  reveal: (field: string) => void;
}) {
  const t = useT();
  const at = `posts.${index}`;
  const r = `${at}.requirements`;
  const errors = findings.errorsWithin(at);
  const edit = (recipe: (p: PostForm) => void) =>
    update((f) => {
      const p = f.posts[index];
      if (p) recipe(p);
    });
  const remove = () => {
    if (!confirm(t("setup.confirmRemovePost", { name: post.name.trim() || t("setup.newPost") }))) return;
    update((f) => {
      f.posts.splice(index, 1);
    });
  };
  const addDocument = () => {
    const j = post.documents.length;
    edit((p) => p.documents.push(newDocument()));
    reveal(`${r}.documents.${j}.label`);
  };
  return (
    <li class="setup-item">
      <details id={fieldId(at)}>
        <summary>
          <span class="setup-item__title">{post.name.trim() || t("setup.newPost")}</span>
          <span class="setup-item__meta">
            {post.opd.trim()}
            {errors > 0 && <span class="badge badge--error">{t("setup.problems", { count: errors })}</span>}
          </span>
        </summary>
        <div class="setup-item__body">
          <Field
            id={fieldId(`${at}.name`)}
            label={t("setup.postName")}
            value={post.name}
            onInput={(v) => edit((p) => void (p.name = v))}
            error={findings.errorText(t, `${at}.name`)}
          />
          <Field
            id={fieldId(`${at}.opd`)}
            label={t("setup.postOpd")}
            value={post.opd}
            onInput={(v) => edit((p) => void (p.opd = v))}
            error={findings.errorText(t, `${at}.opd`)}
          />
          <Select
            field={`${at}.level`}
            label={t("setup.postLevel")}
            value={post.level}
            options={JPT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
            onChange={(v) => edit((p) => void (p.level = v))}
            findings={findings}
          />
          <Messages items={findings.at(`${at}.id`)} />

          <h3>{t("setup.requirements")}</h3>
          <Select
            field={`${r}.minGolongan`}
            label={t("setup.minGolongan")}
            value={post.minGolongan}
            options={GOLONGAN.map((g) => ({ value: g, label: rankLabel(g) }))}
            onChange={(v) => edit((p) => void (p.minGolongan = v))}
            findings={findings}
          />
          <Select
            field={`${r}.minEducation`}
            label={t("setup.minEducation")}
            value={post.minEducation}
            options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`education.${e}`) }))}
            onChange={(v) => edit((p) => void (p.minEducation = v))}
            findings={findings}
          />
          <Input
            field={`${r}.minYearsInPost`}
            inputMode="decimal"
            label={t("setup.yearsInPost")}
            value={post.minYearsInPost}
            onInput={(v) => edit((p) => void (p.minYearsInPost = v))}
            findings={findings}
          />
          <Input
            field={`${r}.minYearsRelevant`}
            inputMode="decimal"
            label={t("setup.yearsRelevant")}
            value={post.minYearsRelevant}
            onInput={(v) => edit((p) => void (p.minYearsRelevant = v))}
            findings={findings}
          />
          <Input
            field={`${r}.maxAge`}
            inputMode="numeric"
            label={t("setup.maxAge")}
            value={post.maxAge}
            onInput={(v) => edit((p) => void (p.maxAge = v))}
            findings={findings}
          />
          <Lines
            field={`${r}.extraConditions`}
            legend={t("setup.extraConditions")}
            lineLabel="setup.conditionLine"
            values={post.extraConditions}
            max={MAX_CONDITIONS}
            onChange={(values) => edit((p) => void (p.extraConditions = values))}
            findings={findings}
          />

          <h3>{t("setup.documents")}</h3>
          <ul class="setup-list">
            {post.documents.map((doc, j) => (
              <DocumentItem
                key={doc.key}
                doc={doc}
                field={`${r}.documents.${j}`}
                findings={findings}
                edit={(recipe) =>
                  edit((p) => {
                    const d = p.documents[j];
                    if (d) recipe(d);
                  })
                }
                remove={() => edit((p) => void p.documents.splice(j, 1))}
              />
            ))}
          </ul>
          {post.documents.length < MAX_DOCUMENTS && (
            <p>
              <button type="button" class="button button--secondary button--small" onClick={addDocument}>
                {t("setup.addDocument")}
              </button>
            </p>
          )}
          <p>
            <button type="button" class="link link--danger" onClick={remove}>
              {t("setup.removePost")}
            </button>
          </p>
        </div>
      </details>
    </li>
  );
}

function DocumentItem({
  doc,
  field,
  findings,
  edit,
  remove,
}: {
  doc: DocumentForm;
  field: string;
  findings: Findings;
  edit: (recipe: (d: DocumentForm) => void) => void;
  remove: () => void;
}) {
  const t = useT();
  const errors = findings.errorsWithin(field);
  const summary = `${doc.formats.join(", ")} · ${doc.maxSizeKb} KB${doc.required ? "" : ` · ${t("public.optional")}`}`;
  return (
    <li class="setup-item setup-item--small">
      <details id={fieldId(field)}>
        <summary>
          <span class="setup-item__title">{doc.label.trim() || t("setup.newDocument")}</span>
          <span class="setup-item__meta">
            {summary}
            {errors > 0 && <span class="badge badge--error">{t("setup.problems", { count: errors })}</span>}
          </span>
        </summary>
        <div class="setup-item__body">
          <Field
            id={fieldId(`${field}.label`)}
            label={t("setup.docLabel")}
            value={doc.label}
            onInput={(v) => edit((d) => void (d.label = v))}
            error={findings.errorText(t, `${field}.label`)}
          />
          <Check
            id={fieldId(`${field}.required`)}
            label={t("setup.docRequired")}
            checked={doc.required}
            onChange={(v) => edit((d) => void (d.required = v))}
          />
          <fieldset class="group group--inline" id={fieldId(`${field}.formats`)}>
            <legend>{t("setup.docFormats")}</legend>
            {FILE_FORMATS.map((format) => (
              <Check
                key={format}
                id={fieldId(`${field}.formats.${format}`)}
                label={format.toUpperCase()}
                checked={doc.formats.includes(format)}
                onChange={(on) =>
                  edit((d) => {
                    d.formats = FILE_FORMATS.filter((x) => (x === format ? on : d.formats.includes(x)));
                  })
                }
              />
            ))}
          </fieldset>
          <Messages items={[...findings.at(`${field}.formats`), ...findings.at(`${field}.id`)]} />
          <Input
            field={`${field}.maxSizeKb`}
            inputMode="numeric"
            label={t("setup.docMaxSize")}
            value={doc.maxSizeKb}
            onInput={(v) => edit((d) => void (d.maxSizeKb = v))}
            findings={findings}
          />
          <button type="button" class="link link--danger" onClick={remove}>
            {t("setup.removeDocument")}
          </button>
        </div>
      </details>
    </li>
  );
}
