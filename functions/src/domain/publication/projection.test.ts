import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../../seed/metro2021.js";
import type { StoredSelection } from "../selection/stored.js";
import { publicProjectionOf, publicSelection, publicSelectionDetail } from "./projection.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;

/** Kota Metro 2021 in the middle of its process, with every internal field filled in. */
const busy: StoredSelection = {
  ...METRO,
  stage: "seleksiAdministrasi",
  public: true,
  announcedAt: "2021-09-13T08:00:00+07:00",
  pansel: METRO.pansel.map((m, i) => ({ ...m, uid: `secret-pansel-uid-${i}` })),
  panselUids: ["secret-pansel-uid-0", "secret-pansel-uid-1"],
  pendingProposal: {
    id: "secret-proposal",
    from: "seleksiAdministrasi",
    to: "pengumumanAdministrasi",
    proposedByName: "Secret Proposer",
    proposedAt: "2021-10-06T09:00:00+07:00",
  },
  counts: { applicantsPerPost: { bappeda: 4 }, unverifiedApplications: 7, openObjections: 2, unlockedScores: 3 },
  extensions: { bappeda: 1 },
  postDecisions: { bpbd: "continueWithDecision" },
  electionApproval: { letterNumber: "SECRET/LETTER/1", date: "2021-08-01" },
  recommendation: null,
  announcementDocumentId: "metro-2021-jpt-pengumuman-v1",
  auditSeq: 42,
};

const project = (s: StoredSelection | undefined) =>
  publicProjectionOf(s, {
    province: "Lampung",
    announcement: { documentId: "metro-2021-jpt-pengumuman-v1", number: "800/001/PENG/2021" },
  });

describe("publicProjectionOf", () => {
  it("publishes what the announcement prints", () => {
    const p = project(busy);
    expect(p).not.toBeNull();
    expect(p?.summary).toMatchObject({
      instansiId: METRO.instansiId,
      instansiName: METRO.instansiName,
      province: "Lampung",
      title: METRO.title,
      stage: "seleksiAdministrasi",
      announcedAt: "2021-09-13T08:00:00+07:00",
      schedule: METRO.schedule,
      document: { number: "800/001/PENG/2021", link: "/verifikasi/metro-2021-jpt-pengumuman-v1" },
    });
    expect(p?.summary.posts.map((post) => post.name)).toEqual(METRO.posts.map((post) => post.name));
    expect(p?.detail.legalBasis).toEqual(METRO.legalBasis);
    expect(p?.detail.contact).toEqual(METRO.contact);
    expect(p?.detail.requirements["bappeda"]).toEqual(METRO.posts.find((x) => x.id === "bappeda")?.requirements);
    // The end of registration's last day in WIB, the instant the rules compare request.time with.
    expect(p?.summary.registrationClosesAtMs).toBe(
      Date.parse(`${METRO.schedule.pendaftaran?.end ?? ""}T00:00:00+07:00`) + 24 * 3600 * 1000,
    );
    // What the projection's readers parse it with.
    expect(publicSelection.safeParse(p?.summary).success).toBe(true);
    expect(publicSelectionDetail.safeParse(p?.detail).success).toBe(true);
  });

  it("leaves out every internal field and every pansel account", () => {
    const p = project(busy);
    const json = JSON.stringify(p);
    for (const key of [
      "pendingProposal",
      "panselUids",
      "postDecisions",
      "counts",
      "requests",
      "extensions",
      "electionApproval",
      "auditSeq",
      "scoringPlan",
      "pansel",
      "uid",
    ]) {
      expect(json).not.toContain(`"${key}"`);
    }
    for (const secret of ["secret-pansel-uid", "secret-proposal", "Secret Proposer", "SECRET/LETTER"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("keeps the list card small: at most about 2 KB per selection", () => {
    const p = project(busy);
    const summary = JSON.stringify(p?.summary).length;
    const detail = JSON.stringify(p?.detail).length;
    // The figures in the README ("Costs per screen") come from this line.
    console.info(`projection of Kota Metro 2021: summary ${summary} B, detail ${detail} B (JSON)`);
    expect(summary).toBeLessThanOrEqual(2048);
    expect(detail).toBeLessThanOrEqual(10 * 1024);
  });

  it("removes drafts, unpublished and deleted selections", () => {
    expect(project(undefined)).toBeNull();
    expect(project({ ...busy, stage: "persiapan", public: false, announcedAt: null })).toBeNull();
    expect(project({ ...busy, public: false })).toBeNull();
  });

  it("keeps an announced selection that was cancelled, with its stage", () => {
    expect(project({ ...busy, stage: "dibatalkan" })?.summary.stage).toBe("dibatalkan");
  });

  it("has no document before the pengumuman is issued, and no province when unknown", () => {
    const p = publicProjectionOf({ ...busy, announcementDocumentId: null });
    expect(p?.summary.document).toBeNull();
    expect(p?.summary.province).toBeNull();
  });

  it("carries what the list filters and the candidate's order need: levels, and the rule's scope", () => {
    const p = project(busy);
    expect(p?.summary.levels).toEqual(["jptPratama"]);
    expect(p?.summary.openToScope).toEqual({ scope: "province", province: "Lampung" });
    // The further conditions stay in the detail, with the whole rule.
    const rule = { scope: "instansi" as const, instansiName: "Pemerintah Kota Metro", conditions: ["x".repeat(400)] };
    const q = project({
      ...busy,
      openToRule: rule,
      posts: [...busy.posts, { ...busy.posts[0]!, id: "madya", level: "jptMadya" }],
    });
    expect(q?.summary.levels).toEqual(["jptPratama", "jptMadya"]);
    expect(q?.summary.openToScope).toEqual({ scope: "instansi", instansiName: "Pemerintah Kota Metro" });
    expect(JSON.stringify(q?.summary)).not.toContain("xxxx");
    expect(q?.detail.openToRule).toEqual(rule);
    expect(project({ ...busy, openToRule: null })?.summary.openToScope).toBeNull();
  });

  it("prints the sentence the trigger made, else the operator's text", () => {
    expect(project(busy)?.detail.openTo).toBe(busy.openTo);
    expect(publicProjectionOf(busy, { openToText: "ASN di lingkungan Pemerintah Kota Metro" })?.detail.openTo).toBe(
      "ASN di lingkungan Pemerintah Kota Metro",
    );
  });

  it("still parses a projection written before levels and the rule existed", () => {
    const p = project(busy)!;
    const old: Record<string, unknown> = { ...p.summary };
    delete old["levels"];
    delete old["openToScope"];
    const parsed = publicSelection.safeParse(old);
    expect(parsed.success && parsed.data.levels).toEqual([]);
    expect(parsed.success && parsed.data.openToScope).toBeNull();
  });
});

describe("the published administrative result", () => {
  it("shows per post the MS names with masked NIPs and the document link, nothing else", () => {
    const postId = METRO.posts[0]!.id;
    const selection: StoredSelection = {
      ...busy,
      stage: "pengumumanAdministrasi",
      administrativeResult: {
        publishedAt: "2021-10-11T03:00:00.000Z",
        objectionClosesAtMs: Date.parse("2021-10-14T17:00:00Z"),
        objectionLastDay: "2021-10-14",
        documentId: "metro-2021-jpt-hasilAdministrasi-v1",
        number: "012/PENG/2021",
        ms: { [postId]: [{ name: "Ani", nip: "197806********1004" }] },
      },
    };
    const result = project(selection)?.summary.administrativeResult;
    expect(result?.document).toEqual({
      number: "012/PENG/2021",
      link: "/verifikasi/metro-2021-jpt-hasilAdministrasi-v1",
    });
    expect(result?.posts).toEqual([
      { id: postId, name: METRO.posts[0]!.name, candidates: [{ name: "Ani", nip: "197806********1004" }] },
    ]);
    expect(publicSelection.parse(project(selection)?.summary).administrativeResult?.objectionLastDay).toBe(
      "2021-10-14",
    );
    expect(project(busy)?.summary.administrativeResult).toBeNull();
  });
});

describe("the published stage results", () => {
  const [first, second] = METRO.posts;
  const row = { name: "Ani", nip: "197806********1004", rank: 1, total: 8450, points: null };
  const stored = (stage: "kompetensiTeknis" | "pemeringkatan", final: boolean) => ({
    publishedAt: "2021-11-22T03:00:00.000Z",
    documentId: `metro-2021-jpt_${stage}-hasilTahap-v1`,
    number: `${stage}/PENG/2021`,
    version: 1,
    final,
    publishScores: "total" as const,
    components: [{ id: "asesmen", label: "Asesmen" }],
    rankings: { [first!.id]: "secret-sha" },
    posts: { [first!.id]: [{ ...row, secret: "left out" }] },
  });

  it("shows each announced stage in the process's order, in the detail, field by field", () => {
    const selection: StoredSelection = {
      ...busy,
      stage: "laporanPpk",
      stageResults: {
        pemeringkatan: stored("pemeringkatan", true),
        kompetensiTeknis: stored("kompetensiTeknis", false),
      },
    };
    const p = project(selection)!;
    const results = p.detail.stageResults;
    expect(results.map((r) => r.stage)).toEqual(["kompetensiTeknis", "pemeringkatan"]);
    expect(results[0]).toEqual({
      stage: "kompetensiTeknis",
      final: false,
      publishedAt: "2021-11-22T03:00:00.000Z",
      publishScores: "total",
      components: ["Asesmen"],
      document: {
        number: "kompetensiTeknis/PENG/2021",
        link: "/verifikasi/metro-2021-jpt_kompetensiTeknis-hasilTahap-v1",
      },
      posts: [{ id: first!.id, name: first!.name, candidates: [row] }],
    });
    // The ranking's hash, a post with nothing published, and the list card stay out.
    expect(JSON.stringify(p)).not.toContain("secret");
    expect(results[0]!.posts.map((x) => x.id)).not.toContain(second!.id);
    expect(p.summary).not.toHaveProperty("stageResults");
  });

  it("has none before any is announced, and still parses a detail written before them", () => {
    const p = project(busy)!;
    expect(p.detail.stageResults).toEqual([]);
    const old: Record<string, unknown> = { ...p.detail };
    delete old["stageResults"];
    expect(publicSelectionDetail.parse(old).stageResults).toEqual([]);
  });
});
