/**
 * The preview a chat app shows when someone shares a selection's link (WhatsApp, Telegram read the
 * Open Graph tags of the page, without running its JavaScript). Pure: the text from the selection,
 * and the tags put into the app's HTML.
 */
import { formatDateRangeId } from "../calendar.js";
import type { StoredSelection } from "../selection/stored.js";

export interface SharePreview {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly image: string;
}

/** Always Indonesian: a shared link is read by people whose language the server cannot know. */
export function sharePreviewOf(
  selection: Pick<StoredSelection, "title" | "instansiName" | "schedule"> & {
    readonly posts: readonly { readonly name: string }[];
  },
  url: string,
  image: string,
): SharePreview {
  const parts = [selection.instansiName, `${selection.posts.length} jabatan lowong`];
  const registration = selection.schedule.pendaftaran;
  if (registration) parts.push(`Pendaftaran ${formatDateRangeId(registration.start, registration.end)}`);
  const posts = selection.posts.map((p) => p.name).join("; ");
  return { title: selection.title, description: `${parts.join(" · ")}. ${posts}`.slice(0, 300), url, image };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The app's index.html with the preview's title and Open Graph tags. The app's own generic tags are
 * replaced, not duplicated: crawlers take the first og:title they see.
 */
export function withSharePreview(html: string, preview: SharePreview): string {
  const tags = [
    `<title>${escapeHtml(preview.title)} — Seleksi</title>`,
    `<meta name="description" content="${escapeHtml(preview.description)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Seleksi" />`,
    `<meta property="og:locale" content="id_ID" />`,
    `<meta property="og:title" content="${escapeHtml(preview.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(preview.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(preview.url)}" />`,
    `<meta property="og:image" content="${escapeHtml(preview.image)}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].join("\n    ");
  const stripped = html
    .replace(/<title>[\s\S]*?<\/title>\s*/i, "")
    .replace(/<meta\s+(?:name="description"|property="og:[^"]*"|name="twitter:[^"]*")[^>]*>\s*/gi, "");
  // A replacer function: with a string, a `$'` in a title would paste the rest of the page here.
  return stripped.replace(/<head>/i, () => `<head>\n    ${tags}`);
}
