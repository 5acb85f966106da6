/**
 * A pansel member signs the berita acara of a scoring stage on the tablet: drawn with a finger,
 * confirmed, then stored on the device and sent when the network allows. The berita acara prints
 * each member's signature with the time they signed, under the name the committee gives them.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { isSignatureEnough, MIN_SEGMENTS } from "@domain/documents/signature";
import { isStage } from "@domain/stages";
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import type { OwnSignature } from "../../data/signatures";
import { useLocale, useMessages } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { SignaturePad } from "../../ui/SignaturePad";
import { useLive } from "../../ui/useLive";

export function SignMinutes({ session }: { session: SignedIn }) {
  const { t, locale } = useLocale();
  const ready = useMessages("scoring");
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const stage = params["stage"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  const own = useLive<OwnSignature | undefined>(async () => {
    const { watchOwnSignature } = await import("../../data/signatures");
    return (next, fail) => watchOwnSignature(id, stage, session.uid, next, fail);
  }, [id, stage, session.uid]);
  const [path, setPath] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [tooShort, setTooShort] = useState(false);

  if (!ready || selection.status === "loading" || own.status === "loading") return <Loading />;
  if (selection.status === "error" || !selection.value || "broken" in selection.value || !isStage(stage))
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const s = selection.value;
  const member = s.pansel.find((m) => m.uid === session.uid);
  const signed = own.status === "ready" ? own.value : undefined;

  const submit = async () => {
    const { sign } = await import("../../data/signatures");
    setRefusal(undefined);
    sign(
      {
        instansiId: s.instansiId,
        selectionId: s.id,
        stage,
        memberUid: session.uid,
        path,
        signedAtDevice: new Date().toISOString(),
      },
      () => setRefusal(t("sign.refused")),
    );
    setConfirming(false);
  };

  return (
    <section>
      <p class="eyebrow">{s.title}</p>
      <h1>{t("sign.title", { stage: t(`stage.${stage}`) })}</h1>
      <p>{t("sign.intro", { name: member?.name ?? session.uid })}</p>
      {refusal && <Notice kind="error">{refusal}</Notice>}
      {own.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {signed ? (
        <div class="card card--padded" data-testid="signature-done">
          <svg viewBox="0 0 300 100" class="signature-pad__shown" role="img" aria-label={t("sign.yours")}>
            <path d={signed.signature.path} class="signature-pad__ink" />
          </svg>
          <p data-testid="signature-state" data-pending={signed.pending ? "yes" : "no"}>
            {signed.pending
              ? t("sign.onDevice", { at: formatDateTime(signed.signature.signedAtDevice, locale) })
              : t("sign.sent", { at: formatDateTime(signed.signature.signedAtDevice, locale) })}
          </p>
        </div>
      ) : (
        <>
          <SignaturePad
            label={t("sign.pad")}
            clearLabel={t("sign.clear")}
            onChange={(p) => {
              setPath(p);
              setTooShort(false);
              setConfirming(false);
            }}
          />
          {tooShort && <Notice kind="error">{t("sign.tooShort", { min: MIN_SEGMENTS })}</Notice>}
          {!confirming ? (
            <button
              type="button"
              class="button"
              disabled={path === ""}
              onClick={() => (isSignatureEnough(path) ? setConfirming(true) : setTooShort(true))}
            >
              {t("sign.sign")}
            </button>
          ) : (
            <div class="confirm">
              <p>{t("sign.confirm")}</p>
              <button type="button" class="button" onClick={() => void submit()}>
                {t("sign.confirmYes")}
              </button>{" "}
              <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
                {t("sign.confirmNo")}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
