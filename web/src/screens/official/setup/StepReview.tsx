/**
 * Step 6: every finding of the whole setup, each with a way back to its input. Proposing the opening
 * of registration stays on the selection's page, where the stage machine and its approvals live.
 */
import type { Finding } from "@domain/selection/checks";
import { useT } from "../../../i18n/i18n";
import { Notice } from "../../../ui/Notice";
import { stepOfField } from "./form";
import { findingText, type Findings } from "./parts";

export function StepReview({
  findings,
  selectionId,
  jump,
}: {
  findings: Findings;
  selectionId: string;
  jump: (field: string) => void;
}) {
  const t = useT();
  const errors = findings.all.filter((f) => f.severity === "error");
  const warnings = findings.all.filter((f) => f.severity === "warning");
  return (
    <>
      {errors.length === 0 ? (
        <Notice kind="success">
          <p data-testid="review-ok">{t("setup.noErrors")}</p>
        </Notice>
      ) : (
        <>
          <h2>{t("setup.errors", { count: errors.length })}</h2>
          <FindingList items={errors} jump={jump} testId="review-errors" />
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h2>{t("setup.warnings", { count: warnings.length })}</h2>
          <FindingList items={warnings} jump={jump} testId="review-warnings" />
        </>
      )}
      <h2>{t("setup.nextTitle")}</h2>
      <p>{t("setup.proposeHint")}</p>
      <p>
        <a class="button" href={`/kelola/${selectionId}`}>
          {t("setup.proposeLink")}
        </a>
      </p>
    </>
  );
}

function FindingList({
  items,
  jump,
  testId,
}: {
  items: readonly Finding[];
  jump: (field: string) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <ul class="review" data-testid={testId}>
      {items.map((f, i) => (
        <li
          key={`${f.code}-${f.field ?? ""}-${i}`}
          class={f.severity === "error" ? "finding--error" : "finding--warning"}
        >
          <span class="review__text">{findingText(t, f)}</span>
          <button type="button" class="link" onClick={() => jump(f.field ?? "")}>
            {t("setup.fixAt", { step: t(`setup.step.${stepOfField(f.field)}`) })}
          </button>
        </li>
      ))}
    </ul>
  );
}
