import { describe, expect, it } from "vitest";
import { parseWith } from "../validation.js";
import { storedApplication, type StoredApplication } from "./application.js";
import {
  confirm,
  countsAsVerified,
  decide,
  decideApplicationInput,
  documentsNotValid,
  emptyReview,
  reviewApplicationDocumentInput,
  reviewDocument,
  verificationOpen,
} from "./verification.js";

const AT = "2021-10-06T02:00:00.000Z";
const ANI = { uid: "op-ani", name: "Ani (operator)" };
const BUDI = { uid: "op-budi", name: "Budi (operator)" };

function application(changes: Partial<StoredApplication> = {}): StoredApplication {
  return storedApplication.parse({
    instansiId: "kota-metro",
    selectionId: "metro-2021-jpt",
    postId: "bappeda",
    postName: "Kepala Bappeda",
    candidateUid: "cand-1",
    candidateName: "Dr. Hendra Saputra, M.Si.",
    nip: "197203152000031004",
    status: "submitted",
    createdAt: AT,
    updatedAt: AT,
    submittedAt: AT,
    documents: {
      "sk-pangkat": {
        fileId: "f1",
        fileName: "sk.pdf",
        mimeType: "application/pdf",
        size: 10,
        status: "accepted",
      },
      "pas-foto": { fileId: "f2", fileName: "foto.jpg", mimeType: "image/jpeg", size: 10, status: "accepted" },
    },
    ...changes,
  });
}

describe("when operators may verify", () => {
  const closes = Date.parse("2021-10-04T17:00:00.000Z");
  it("in seleksiAdministrasi, and in pendaftaran only once registration has closed by the server's clock", () => {
    expect(verificationOpen("seleksiAdministrasi", null, 0)).toBe(true);
    expect(verificationOpen("pendaftaran", closes, closes - 1)).toBe(false);
    expect(verificationOpen("pendaftaran", closes, closes)).toBe(true);
    expect(verificationOpen("pendaftaran", null, closes)).toBe(false);
    expect(verificationOpen("pengumumanAdministrasi", closes, closes + 1)).toBe(false);
    expect(verificationOpen("persiapan", closes, closes + 1)).toBe(false);
  });
});

describe("input schemas", () => {
  const base = { applicationId: "metro_bappeda_cand-1", requestId: "req-12345678" };
  it("an invalid document needs a reason; a valid one does not", () => {
    const invalid = parseWith(reviewApplicationDocumentInput, {
      ...base,
      documentType: "sk-pangkat",
      result: "invalid",
    });
    expect(invalid.ok ? [] : invalid.issues.map((i) => i.code)).toEqual(["err.verify.reasonRequired"]);
    const blank = parseWith(reviewApplicationDocumentInput, {
      ...base,
      documentType: "sk-pangkat",
      result: "invalid",
      reason: "   ",
    });
    expect(blank.ok).toBe(false);
    expect(parseWith(reviewApplicationDocumentInput, { ...base, documentType: "sk-pangkat", result: "valid" }).ok).toBe(
      true,
    );
  });
  it("TMS needs at least one reason, MS none", () => {
    const tms = parseWith(decideApplicationInput, { ...base, decision: "tms", reasons: [] });
    expect(tms.ok ? [] : tms.issues.map((i) => i.code)).toEqual(["err.verify.tmsReasonRequired"]);
    expect(parseWith(decideApplicationInput, { ...base, decision: "ms" }).ok).toBe(true);
    expect(parseWith(decideApplicationInput, { ...base, decision: "lulus", reasons: ["x"] }).ok).toBe(false);
  });
});

describe("reviewing a document", () => {
  it("records the file looked at, who and when; the reason only for invalid", () => {
    const app = application();
    const valid = reviewDocument(
      app,
      emptyReview(app),
      { documentType: "sk-pangkat", result: "valid", reason: "x" },
      ANI,
      AT,
    );
    expect(valid).toEqual({
      ok: true,
      value: { fileId: "f1", result: "valid", reason: "", byUid: "op-ani", byName: "Ani (operator)", at: AT },
    });
    const invalid = reviewDocument(
      app,
      emptyReview(app),
      { documentType: "pas-foto", result: "invalid", reason: "Foto buram" },
      ANI,
      AT,
    );
    expect(invalid.ok && invalid.value.reason).toBe("Foto buram");
  });

  it("refuses a draft, a published result, an unknown document and a file the upload check rejected", () => {
    const code = (o: { ok: boolean; issues?: { code: string }[] }) => (o.ok ? "ok" : o.issues?.[0]?.code);
    const input = { documentType: "sk-pangkat", result: "valid" as const, reason: "" };
    const draft = application({ status: "draft" });
    expect(code(reviewDocument(draft, emptyReview(draft), input, ANI, AT))).toBe("err.verify.notSubmitted");
    const published = application({ status: "tms" });
    expect(code(reviewDocument(published, emptyReview(published), input, ANI, AT))).toBe("err.verify.notSubmitted");
    const app = application();
    expect(code(reviewDocument(app, emptyReview(app), { ...input, documentType: "ijazah" }, ANI, AT))).toBe(
      "err.verify.noDocument",
    );
    const rejected = application();
    rejected.documents["sk-pangkat"]!.status = "rejected";
    expect(code(reviewDocument(rejected, emptyReview(rejected), input, ANI, AT))).toBe("err.verify.fileNotAccepted");
    // Invalid is still allowed for that file: it is the reason for a TMS.
    expect(
      code(reviewDocument(rejected, emptyReview(rejected), { ...input, result: "invalid", reason: "EXE" }, ANI, AT)),
    ).toBe("ok");
  });
});

describe("deciding", () => {
  const allValid = (app: StoredApplication) => {
    let review = emptyReview(app);
    for (const documentType of Object.keys(app.documents)) {
      const r = reviewDocument(app, review, { documentType, result: "valid", reason: "" }, ANI, AT);
      if (!r.ok) throw new Error("setup");
      review = { ...review, documents: { ...review.documents, [documentType]: r.value } };
    }
    return review;
  };

  it("MS needs every document on the checklist reviewed valid, for the file now on it", () => {
    const app = application();
    const none = decide(app, emptyReview(app), { decision: "ms", reasons: [] }, ANI, AT);
    expect(none).toEqual({
      ok: false,
      issues: [{ code: "err.verify.documentsNotValid", params: { documents: "pas-foto, sk-pangkat" } }],
    });
    const review = allValid(app);
    expect(documentsNotValid(app, review)).toEqual([]);
    // A file replaced after the look (a new fileId) needs a new look.
    const replaced = application();
    replaced.documents["pas-foto"]!.fileId = "f2-new";
    expect(documentsNotValid(replaced, review)).toEqual(["pas-foto"]);
    const ms = decide(app, review, { decision: "ms", reasons: [] }, ANI, AT);
    expect(ms.ok && ms.value).toMatchObject({ first: true, verification: { decision: "ms", byUid: "op-ani", at: AT } });
  });

  it("TMS needs a reason, not valid documents; a changed decision is not a first one", () => {
    const app = application();
    expect(decide(app, emptyReview(app), { decision: "tms", reasons: [] }, ANI, AT).ok).toBe(false);
    const tms = decide(app, emptyReview(app), { decision: "tms", reasons: ["Ijazah S2 tidak ada"] }, ANI, AT);
    if (!tms.ok) throw new Error("expected TMS");
    expect(tms.value.first).toBe(true);
    const decided = { ...allValid(app), verification: tms.value.verification };
    const changed = decide(app, decided, { decision: "ms", reasons: [] }, BUDI, AT);
    expect(changed.ok && changed.value.first).toBe(false);
    expect(changed.ok && changed.value.verification.byUid).toBe("op-budi");
  });

  it("an MS decision blocks marking a document invalid until it is changed", () => {
    const app = application();
    const review = allValid(app);
    const ms = decide(app, review, { decision: "ms", reasons: [] }, ANI, AT);
    if (!ms.ok) throw new Error("expected MS");
    const after = { ...review, verification: ms.value.verification };
    const invalid = reviewDocument(
      app,
      after,
      { documentType: "pas-foto", result: "invalid", reason: "buram" },
      ANI,
      AT,
    );
    expect(invalid.ok ? "ok" : invalid.issues[0]?.code).toBe("err.verify.decidedMs");
  });
});

describe("confirming", () => {
  const app = application();
  const tms = decide(app, emptyReview(app), { decision: "tms", reasons: ["SKP kurang"] }, ANI, AT);
  if (!tms.ok) throw new Error("expected TMS");
  const decided = { ...emptyReview(app), verification: tms.value.verification };

  it("needs a decision and another operator; then the decision is final", () => {
    expect(confirm(app, emptyReview(app), BUDI, AT)).toMatchObject({
      ok: false,
      issues: [{ code: "err.verify.notDecided" }],
    });
    expect(confirm(app, decided, ANI, AT)).toMatchObject({ ok: false, issues: [{ code: "err.verify.sameOperator" }] });
    const confirmed = confirm(app, decided, BUDI, AT);
    if (!confirmed.ok) throw new Error("expected a confirmation");
    expect(confirmed.value).toMatchObject({
      decision: "tms",
      byUid: "op-ani",
      confirmedByUid: "op-budi",
      confirmedAt: AT,
    });
    const final = { ...decided, verification: confirmed.value };
    expect(decide(app, final, { decision: "ms", reasons: [] }, ANI, AT)).toMatchObject({
      ok: false,
      issues: [{ code: "err.verify.confirmed" }],
    });
    expect(confirm(app, final, { uid: "op-citra", name: "Citra" }, AT).ok).toBe(false);
  });

  it("counts once: at the first decision, or at the confirmation when the selection asks for one", () => {
    expect(countsAsVerified("decide", false, true)).toBe(true);
    expect(countsAsVerified("decide", false, false)).toBe(false);
    expect(countsAsVerified("confirm", false, false)).toBe(false);
    expect(countsAsVerified("decide", true, true)).toBe(false);
    expect(countsAsVerified("confirm", true, false)).toBe(true);
  });
});
