import type { ComponentChildren } from "preact";

/** A message box: errors are announced to screen readers, other notices are polite. */
export function Notice({ kind, children }: { kind: "error" | "info" | "success"; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
