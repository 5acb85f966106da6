/**
 * The selection page as HTML, for the first visit to /seleksi/{id} (a link opened from WhatsApp):
 * sharePage puts it into the app's HTML so the announcement is on screen before any script or
 * Firestore read, and the PWA then takes over the same markup (web/src/screens/public/SelectionPage.tsx
 * renders the same structure from the same data). Always Indonesian, like the preview tags.
 */
import { formatDateId, formatDateRangeId } from "../calendar.js";
import { message } from "../i18n/render.js";
import type { MessageKey } from "../i18n/messages.js";
import type { IssueParams } from "../issue.js";
import { rankLabel } from "../ranks.js";
import { SCHEDULED_STAGES } from "../selection/setup.js";
import { PAGE_DATA_ID } from "./pageData.js";
import type { PublicSelection, PublicSelectionDetail } from "./projection.js";

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

const t = (key: MessageKey, params?: IssueParams) => escapeHtml(message("id", key, params));

/** The header of web/src/ui/Layout.tsx for a visitor who is not signed in. */
function headerHtml(): string {
  return (
    `<header class="header"><a href="/" class="header__brand"><img src="/icon.svg" alt="" width="28" height="28"/>` +
    `<span>${t("app.name")}</span></a><nav class="header__nav" aria-label="Menu"><a href="/masuk">${t("nav.signIn")}</a>` +
    `<a href="/daftar">${t("nav.signUp")}</a><button type="button" class="link header__lang" aria-label="${t("app.language")}">EN</button></nav></header>`
  );
}

export function selectionArticleHtml(s: PublicSelection, d: PublicSelectionDetail): string {
  const e = escapeHtml;
  const out: string[] = [];
  out.push(`<article><p class="eyebrow">${e(s.instansiName)}</p><h1>${e(s.title)}</h1>`);
  out.push(
    `<p><a href="/?instansi=${encodeURIComponent(s.instansiId)}" data-testid="more-from-instansi">` +
      `${t("public.moreFromInstansi", { instansi: s.instansiName })}</a></p>`,
  );
  out.push(`<p><span class="badge">${t(`stage.${s.stage}`)}</span></p>`);
  out.push(`<p>${t("public.openTo", { who: d.openTo })}</p>`);
  if (s.document) {
    out.push(
      `<p><a href="${e(s.document.link)}">${t("public.announcementNumber", { number: s.document.number })}</a></p>`,
    );
  }
  if (s.stage === "pendaftaran") out.push(`<p><a class="button" href="/daftar">${t("public.signUpToApply")}</a></p>`);
  out.push(`<h2>${t("public.postsHeading")}</h2><ol class="posts">`);
  for (const post of s.posts) {
    const r = d.requirements[post.id];
    out.push(`<li class="post"><strong>${e(post.name)}</strong><span class="post__meta">`);
    out.push(
      `${t("public.opd", { opd: post.opd })} · ${t("public.level", { level: message("id", `level.${post.level}`) })}</span>`,
    );
    if (r) {
      out.push(`<details class="post__details"><summary>${t("public.requirements")}</summary><ul>`);
      out.push(`<li>${t("public.minRank", { rank: rankLabel(r.minGolongan) })}</li>`);
      out.push(`<li>${t("public.minEducation", { education: message("id", `education.${r.minEducation}`) })}</li>`);
      out.push(`<li>${t("public.yearsInPost", { years: r.minYearsInPost })}</li>`);
      out.push(`<li>${t("public.yearsRelevant", { years: r.minYearsRelevant })}</li>`);
      out.push(`<li>${t("public.maxAge", { age: r.maxAge, date: formatDateId(d.referenceDate) })}</li>`);
      for (const c of r.extraConditions) out.push(`<li>${e(c)}</li>`);
      out.push(`</ul><h3>${t("public.documents")}</h3><ul class="documents">`);
      for (const doc of r.documents) {
        out.push(`<li>${e(doc.label)}`);
        if (!doc.required) out.push(`<span class="muted"> (${t("public.optional")})</span>`);
        const formats = doc.formats.join(", ").toUpperCase();
        out.push(`<br/><span class="muted">${t("public.formats", { formats, size: doc.maxSizeKb })}</span></li>`);
      }
      out.push(`</ul></details>`);
    }
    out.push(`</li>`);
  }
  out.push(`</ol><h2>${t("public.schedule")}</h2><table class="schedule"><tbody>`);
  for (const stage of SCHEDULED_STAGES) {
    const range = s.schedule[stage];
    if (!range) continue;
    const cls = stage === s.stage ? ` class="schedule__now"` : "";
    out.push(
      `<tr${cls}><th scope="row">${t(`stage.${stage}`)}</th><td>${e(formatDateRangeId(range.start, range.end))}</td></tr>`,
    );
  }
  out.push(`</tbody></table>`);
  if (d.legalBasis.length > 0) {
    out.push(`<h2>${t("public.legalBasis")}</h2><ol class="basis">`);
    for (const line of d.legalBasis) out.push(`<li>${e(line)}</li>`);
    out.push(`</ol>`);
  }
  if (d.contact.name) {
    const c = d.contact;
    out.push(
      `<h2>${t("public.contact")}</h2><p>${e(c.name)}<br/>${e(c.address)}<br/>${e(c.phone)} · ${e(c.email)}</p>`,
    );
  }
  out.push(`</article>`);
  return out.join("");
}

/**
 * The app's HTML with the page rendered into its root and the data it was rendered from. Replacer
 * functions, not replacement strings: a title with `$'` or `$&` must come out as typed.
 */
export function withSelectionPage(
  html: string,
  id: string,
  summary: PublicSelection,
  detail: PublicSelectionDetail,
): string {
  const root = /<div id="app"><\/div>/;
  if (!root.test(html)) return html;
  // "<" escaped so no text in the data can close the script element.
  const json = JSON.stringify({ id, summary, detail }).replace(/</g, "\\u003c");
  const page =
    `<div id="app">${headerHtml()}<main class="main">${selectionArticleHtml(summary, detail)}</main></div>` +
    `<script type="application/json" id="${PAGE_DATA_ID}">${json}</script>`;
  return html.replace(root, () => page);
}
