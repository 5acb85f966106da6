/**
 * Serves /seleksi/{id}: the app's own HTML with the selection's preview tags (a link shared in a
 * chat app shows the title, the government and the posts) and the announcement itself rendered
 * into the page, so a first visit shows it before any script or Firestore read. The data comes from
 * the public projection only. The HTML template is the web build's index.html, copied next to this
 * module when the functions are built (scripts/embed-app-shell.mjs); anything that fails gives the
 * plain app shell, which loads the page the ordinary way.
 */
import { readFile } from "node:fs/promises";
import type { onRequest, Request } from "firebase-functions/v2/https";
import { logger } from "firebase-functions/v2";
import { COLLECTIONS } from "../domain/collections.js";
import { publicSelection, publicSelectionDetail } from "../domain/publication/projection.js";
import { withSelectionPage } from "../domain/publication/selectionHtml.js";
import { sharePreviewOf, withSharePreview } from "../domain/publication/sharePreview.js";
import { DETAIL_ID } from "../publication/projectSelection.js";
import { db } from "../shell/admin.js";

/** The response object onRequest hands over (Express's), without depending on Express directly. */
type Response = Parameters<Parameters<typeof onRequest>[0]>[1];

/** Written by the functions build from web/dist/index.html. */
export const APP_SHELL_FILE = new URL("./app-shell.html", import.meta.url);
/** When neither the embedded shell nor the site answers: a page that still leads to the app. */
const MINIMAL_SHELL = `<!doctype html><html lang="id"><head><meta charset="UTF-8" /><title>Seleksi</title></head><body><div id="app"><p><a href="/">Seleksi</a></p></div></body></html>`;

let embedded: Promise<string | undefined> | undefined;

async function appShell(publicUrl: string): Promise<string> {
  embedded ??= readFile(APP_SHELL_FILE, "utf8").catch((error: unknown) => {
    logger.error("sharePage: no embedded app shell; build the web app before the functions", error);
    return undefined;
  });
  const html = await embedded;
  if (html) return html;
  try {
    const response = await fetch(`${publicUrl}/index.html`);
    if (response.ok) return await response.text();
  } catch {
    // Falls through to the minimal page.
  }
  return MINIMAL_SHELL;
}

/** The page for one selection id, or the plain shell when it is not public or anything fails. */
export async function sharePageHtml(path: string, publicUrl: string): Promise<string> {
  const html = await appShell(publicUrl);
  const id = /^\/seleksi\/([A-Za-z0-9_-]{1,100})\/?$/.exec(path)?.[1];
  if (!id) return html;
  try {
    const ref = db.collection(COLLECTIONS.publicSelections).doc(id);
    const [summarySnap, detailSnap] = await Promise.all([
      ref.get(),
      ref.collection(COLLECTIONS.publicDetail).doc(DETAIL_ID).get(),
    ]);
    const summary = publicSelection.safeParse(summarySnap.data());
    if (!summary.success) return html;
    const preview = sharePreviewOf(summary.data, `${publicUrl}/seleksi/${id}`, `${publicUrl}/icon-512.png`);
    const withTags = withSharePreview(html, preview);
    const detail = publicSelectionDetail.safeParse(detailSnap.data());
    return detail.success ? withSelectionPage(withTags, id, summary.data, detail.data) : withTags;
  } catch (error) {
    logger.error("sharePage: serving the plain app shell", error);
    return html;
  }
}

export async function sharePage(request: Request, response: Response, publicUrl: string): Promise<void> {
  const page = await sharePageHtml(request.path, publicUrl);
  response.set("Cache-Control", "public, max-age=300, s-maxage=600");
  response.type("html").send(page);
}
