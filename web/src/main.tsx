import { render } from "preact";
import { PAGE_DATA_ID } from "@domain/publication/pageData";
import { App, preloadRenderedPage } from "./app";
import { hint, loadAuth } from "./data/session";
import { registerServiceWorker } from "./pwa";
import "./styles.css";

// The server rendered this page (a shared /seleksi/ link): keep its markup on screen until the
// screen's code is here, so the first render takes over the same text instead of a spinner.
const start = () => render(<App />, document.getElementById("app")!);
if (document.getElementById(PAGE_DATA_ID)) void preloadRenderedPage().then(start, start);
else start();

// After the first paint: the service worker, and Firebase Auth for someone who was signed in.
const afterPaint = (work: () => void) =>
  "requestIdleCallback" in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200);
afterPaint(() => {
  void registerServiceWorker();
  if (hint) void loadAuth();
});
