import { render } from "preact";
import { App } from "./app";
import { hint, loadAuth } from "./data/session";
import { registerServiceWorker } from "./pwa";
import "./styles.css";

render(<App />, document.getElementById("app")!);

// After the first paint: the service worker, and Firebase Auth for someone who was signed in.
const afterPaint = (work: () => void) =>
  "requestIdleCallback" in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200);
afterPaint(() => {
  void registerServiceWorker();
  if (hint) void loadAuth();
});
