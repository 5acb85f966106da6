import { describe, expect, it } from "vitest";
import { rekapRanking } from "../../../../test/fixtures/metro2021Rekap.js";
import { parseWith } from "../validation.js";
import {
  calibrationStageIssue,
  flagKey,
  rankingFlags,
  resolutionIssue,
  resolveSpreadFlagInput,
  unresolvedFlags,
  type ScoreForResolution,
} from "./calibration.js";

const result = rekapRanking(6);
const [first] = rankingFlags(result);
const cell = result.spread.cells[0]!;

function score(overrides: Partial<ScoreForResolution> = {}): ScoreForResolution {
  return {
    instansiId: "kota-metro",
    selectionId: result.selectionId,
    postId: result.postId,
    applicationId: cell.applicationId,
    componentId: cell.componentId,
    memberUid: cell.scores[0]!.memberUid,
    status: "submitted",
    reopened: { byUid: "ketua", reason: "Salah tekan indikator.", at: "2021-11-01T03:00:00Z" },
    ...overrides,
  };
}

describe("spread flags as keys", () => {
  it("keys a cell by candidate and component and a member by uid, whatever ranking they came from", () => {
    expect(result.spread.cells.length).toBeGreaterThan(0);
    expect(first).toEqual({
      key: `cell:${cell.applicationId}:${cell.componentId}`,
      flag: { kind: "cell", applicationId: cell.applicationId, componentId: cell.componentId },
    });
    expect(flagKey({ kind: "member", memberUid: "uid-7" })).toBe("member:uid-7");
    expect(unresolvedFlags(result, {})).toEqual(rankingFlags(result).map((f) => f.key));
    expect(unresolvedFlags(result, { [first!.key]: {} })).not.toContain(first!.key);
  });
});

describe("resolving a flag", () => {
  const input = { flagKey: first!.key, outcome: "kept" as const, scoreId: null };
  it("keeps the scores with a reason, on a flag of this ranking only", () => {
    expect(resolutionIssue(result, "kota-metro", input, undefined)).toBeNull();
    expect(resolutionIssue(result, "kota-metro", { ...input, flagKey: "member:nobody" }, undefined)).toMatchObject({
      code: "err.calibration.unknownFlag",
    });
    expect(resolutionIssue(result, "kota-metro", { ...input, scoreId: "x" }, undefined)).toMatchObject({
      code: "err.calibration.keptNoScore",
    });
  });

  it("takes a rescore only of a score of that flag that was reopened and submitted again", () => {
    const rescored = { ...input, outcome: "rescored" as const, scoreId: "s" };
    expect(resolutionIssue(result, "kota-metro", rescored, score())).toBeNull();
    expect(resolutionIssue(result, "kota-metro", { ...rescored, scoreId: null }, score())?.code).toBe(
      "err.calibration.scoreRequired",
    );
    expect(resolutionIssue(result, "kota-metro", rescored, score({ componentId: "other" }))?.code).toBe(
      "err.calibration.scoreMismatch",
    );
    expect(resolutionIssue(result, "kota-lain", rescored, score())?.code).toBe("err.calibration.scoreMismatch");
    expect(resolutionIssue(result, "kota-metro", rescored, undefined)?.code).toBe("err.calibration.scoreMismatch");
    expect(resolutionIssue(result, "kota-metro", rescored, score({ reopened: null }))?.code).toBe(
      "err.calibration.notReopened",
    );
    expect(resolutionIssue(result, "kota-metro", rescored, score({ status: "draft" }))?.code).toBe(
      "err.calibration.notResubmitted",
    );
  });

  it("asks a reason of at least 10 characters and a known outcome", () => {
    const base = {
      requestId: "req-000000000001",
      selectionId: "metro-2021-jpt",
      postId: "bappeda",
      stage: "wawancara",
      flagKey: first!.key,
      outcome: "kept",
    };
    expect(parseWith(resolveSpreadFlagInput, { ...base, reason: "  singkat " })).toMatchObject({
      ok: false,
      issues: [{ code: "err.calibration.reason" }],
    });
    expect(
      parseWith(resolveSpreadFlagInput, { ...base, outcome: "ignored", reason: "Sudah dibahas bersama." }).ok,
    ).toBe(false);
    expect(
      parseWith(resolveSpreadFlagInput, { ...base, flagKey: "cell:<x>", reason: "Sudah dibahas bersama." }).ok,
    ).toBe(false);
    expect(parseWith(resolveSpreadFlagInput, { ...base, reason: "Sudah dibahas bersama." })).toMatchObject({
      ok: true,
      value: { scoreId: null },
    });
  });

  it("is open from the stage on up to the final ranking", () => {
    expect(calibrationStageIssue("wawancara", "wawancara")).toBeNull();
    expect(calibrationStageIssue("pemeringkatan", "wawancara")).toBeNull();
    expect(calibrationStageIssue("kompetensiTeknis", "wawancara")?.code).toBe("err.calibration.stageNotReached");
    expect(calibrationStageIssue("laporanPpk", "wawancara")?.code).toBe("err.calibration.closed");
    expect(calibrationStageIssue("penetapan", "wawancara")?.code).toBe("err.calibration.closed");
  });
});
