/**
 * Serves /seleksi/{id} with the selection's preview tags in the app's own HTML, so a link shared in
 * a chat app shows the title, the government and the posts. The HTML comes from the hosting site
 * (fetched once per instance and kept a few minutes), so the page is the real app for people and a
 * rich preview for crawlers. A selection that is not public gets the plain app page: no leak.
 */
import type { onRequest, Request } from "firebase-functions/v2/https";
import { COLLECTIONS } from "../domain/collections.js";
import { sharePreviewOf, withSharePreview } from "../domain/publication/sharePreview.js";
import { storedSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";

/** The response object onRequest hands over (Express's), without depending on Express directly. */
type Response = Parameters<Parameters<typeof onRequest>[0]>[1];

const TEMPLATE_TTL_MS = 5 * 60 * 1000;
let template: { html: string; at: number } | undefined;

async function appHtml(publicUrl: string): Promise<string> {
  if (template && Date.now() - template.at < TEMPLATE_TTL_MS) return template.html;
  const response = await fetch(`${publicUrl}/index.html`);
  if (!response.ok) throw new Error(`index.html: HTTP ${response.status}`);
  template = { html: await response.text(), at: Date.now() };
  return template.html;
}

export async function sharePage(request: Request, response: Response, publicUrl: string): Promise<void> {
  const html = await appHtml(publicUrl);
  const id = /^\/seleksi\/([A-Za-z0-9_-]{1,100})\/?$/.exec(request.path)?.[1];
  let page = html;
  if (id) {
    const parsed = storedSelection.safeParse((await db.collection(COLLECTIONS.selections).doc(id).get()).data());
    if (parsed.success && parsed.data.public) {
      const preview = sharePreviewOf(parsed.data, `${publicUrl}/seleksi/${id}`, `${publicUrl}/icon-512.png`);
      page = withSharePreview(html, preview);
    }
  }
  response.set("Cache-Control", "public, max-age=300, s-maxage=600");
  response.type("html").send(page);
}
