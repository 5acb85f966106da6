import { describe, expect, it } from "vitest";
import { candidateProfile } from "../schemas/profile.js";
import { parseWith } from "../validation.js";
import type { DocumentRequirement } from "../selection/setup.js";
import type { ApplicationDocument } from "./application.js";
import { FAUZI_INPUT } from "../../../../test/fixtures/metro2021Profile.js";
import {
  blockingSections,
  countsAfterSubmit,
  mayApply,
  maySubmit,
  nipIsOwn,
  registrationIssue,
  type ApplyFacts,
  type SubmitFacts,
} from "./apply.js";

const CLOSES = Date.parse("2021-10-04T17:00:00Z");
const BEFORE = CLOSES - 1;

const facts = (over: Partial<ApplyFacts> = {}): ApplyFacts => ({
  nipStatus: "confirmed",
  profile: { currentInstansi: "Pemerintah Kota Metro", province: "Lampung" },
  stage: "pendaftaran",
  closesAtMs: CLOSES,
  nowMs: BEFORE,
  postExists: true,
  postDecision: undefined,
  openToRule: { scope: "province", province: "Lampung", conditions: [] },
  maxPostsPerCandidate: 1,
  otherApplications: [],
  ...over,
});

const codes = (d: { ok: boolean; issues?: { code: string }[] }) => (d.ok ? [] : (d.issues ?? []).map((i) => i.code));

describe("mayApply", () => {
  it("lets a confirmed candidate of the province apply while registration is open", () => {
    const d = mayApply(facts());
    expect(d.ok).toBe(true);
    expect(d.ok && d.value.openTo?.status).toBe("met");
  });

  it("refuses an account whose NIP is not its own; accepts the demo's accounts made before reservations", () => {
    for (const s of ["pending", "taken", "released"] as const) {
      expect(codes(mayApply(facts({ nipStatus: s })))).toEqual(["err.apply.nipNotConfirmed"]);
    }
    expect(nipIsOwn(undefined)).toBe(true);
  });

  it("goes by the server clock: open up to the last millisecond, closed from the close instant", () => {
    expect(mayApply(facts({ nowMs: CLOSES - 1 })).ok).toBe(true);
    expect(codes(mayApply(facts({ nowMs: CLOSES })))).toEqual(["err.apply.closed"]);
    expect(codes(mayApply(facts({ stage: "persiapan" })))).toEqual(["err.apply.notOpenYet"]);
    expect(codes(mayApply(facts({ stage: "seleksiAdministrasi" })))).toEqual(["err.apply.closed"]);
    expect(registrationIssue("pendaftaran", null, 0)?.code).toBe("err.apply.closed");
  });

  it("refuses a missing or cancelled post, and lets a post that continues take applications", () => {
    expect(codes(mayApply(facts({ postExists: false })))).toEqual(["err.apply.noPost"]);
    expect(codes(mayApply(facts({ postDecision: "cancelPost" })))).toEqual(["err.apply.postCancelled"]);
    expect(mayApply(facts({ postDecision: "continueWithDecision" })).ok).toBe(true);
  });

  it("refuses a sure 'not open to' only; 'cannot tell' passes with the result to warn about", () => {
    expect(codes(mayApply(facts({ profile: { province: "Bengkulu" } })))).toEqual(["err.apply.notOpenTo"]);
    const unknown = mayApply(facts({ profile: {} }));
    expect(unknown.ok && unknown.value.openTo?.status).toBe("unknown");
    const national = mayApply(
      facts({ profile: { province: "Papua" }, openToRule: { scope: "national", conditions: [] } }),
    );
    expect(national.ok).toBe(true);
    const noRule = mayApply(facts({ openToRule: null, profile: {} }));
    expect(noRule.ok && noRule.value.openTo).toBeNull();
  });

  it("counts every application that is not withdrawn against the cap", () => {
    expect(codes(mayApply(facts({ otherApplications: ["draft"] })))).toEqual(["err.apply.tooManyPosts"]);
    expect(codes(mayApply(facts({ otherApplications: ["submitted"] })))).toEqual(["err.apply.tooManyPosts"]);
    expect(mayApply(facts({ otherApplications: ["withdrawn"] })).ok).toBe(true);
    expect(mayApply(facts({ maxPostsPerCandidate: 2, otherApplications: ["draft"] })).ok).toBe(true);
    expect(codes(mayApply(facts({ maxPostsPerCandidate: 2, otherApplications: ["draft", "submitted"] })))).toEqual([
      "err.apply.tooManyPosts",
    ]);
  });
});

const requirement = (id: string, required: boolean): DocumentRequirement => ({
  id,
  label: `Dokumen ${id}`,
  required,
  formats: ["pdf"],
  maxSizeKb: 1024,
});
const file = (status: ApplicationDocument["status"]): ApplicationDocument => ({
  fileId: `f-${status}`,
  fileName: "a.pdf",
  mimeType: "application/pdf",
  size: 1000,
  status,
  rejection: status === "rejected" ? { code: "err.upload.typeMismatch", params: {} } : null,
});

function parsedProfile(over: Record<string, unknown> = {}) {
  const r = parseWith(candidateProfile(), { ...FAUZI_INPUT, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const submitFacts = (over: Partial<SubmitFacts> = {}): SubmitFacts => ({
  isOwner: true,
  status: "draft",
  stage: "pendaftaran",
  closesAtMs: CLOSES,
  nowMs: BEFORE,
  nipStatus: "confirmed",
  postDecision: undefined,
  checklist: [requirement("sk", true), requirement("ijazah", true), requirement("lain", false)],
  documents: { sk: file("accepted"), ijazah: file("accepted") },
  profile: { ok: true, value: parsedProfile() },
  ...over,
});

describe("maySubmit", () => {
  it("locks a draft whose required documents are accepted and whose profile is complete", () => {
    expect(maySubmit(submitFacts()).ok).toBe(true);
  });

  it("refuses another candidate, a submitted application and a closed registration first", () => {
    expect(codes(maySubmit(submitFacts({ isOwner: false, documents: {} })))).toEqual(["err.apply.notOwner"]);
    expect(codes(maySubmit(submitFacts({ status: "submitted" })))).toEqual(["err.apply.notDraft"]);
    expect(codes(maySubmit(submitFacts({ nowMs: CLOSES })))).toEqual(["err.apply.closed"]);
    expect(codes(maySubmit(submitFacts({ postDecision: "cancelPost" })))).toEqual(["err.apply.postCancelled"]);
  });

  it("names every required document missing, still being checked or rejected; optional ones never block", () => {
    const d = maySubmit(
      submitFacts({ documents: { sk: file("rejected"), lain: file("uploading") }, checklist: submitFacts().checklist }),
    );
    expect(codes(d)).toEqual(["err.submit.documentRejected", "err.submit.documentMissing"]);
    expect(codes(maySubmit(submitFacts({ documents: { sk: file("complete"), ijazah: file("accepted") } })))).toEqual([
      "err.submit.documentChecking",
    ]);
  });

  it("names the profile sections that block, but not the SKP ratings", () => {
    const thin = parsedProfile({ posts: [], phone: undefined, performance: [] });
    expect(blockingSections(thin)).toEqual(["posts", "contact"]);
    const d = maySubmit(submitFacts({ profile: { ok: true, value: thin } }));
    expect(d.ok ? [] : d.issues.map((i) => i.params?.["section"])).toEqual(["posts", "contact"]);
    expect(codes(maySubmit(submitFacts({ profile: { ok: false } })))).toEqual(["err.submit.profileInvalid"]);
  });
});

describe("countsAfterSubmit", () => {
  it("adds one applicant to the post and one application to verify", () => {
    expect(countsAfterSubmit({ applicantsPerPost: { a: 2 }, unverifiedApplications: 2 }, "b")).toEqual({
      applicantsPerPost: { a: 2, b: 1 },
      unverifiedApplications: 3,
    });
  });
});
