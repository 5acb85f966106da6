/**
 * The demo of the end of a selection (seed/closing.ts): Metro 2022 at penetapan, whose final rankings
 * give the PPK three names on every live post, and whose proposal letter is what the callable would
 * have issued from them.
 */
import { describe, expect, it } from "vitest";
import { buildProposalLetter, proposalSnapshot } from "../functions/src/domain/documents/ppkLetters.js";
import { storedRanking } from "../functions/src/domain/scoring/postRanking.js";
import { finalRankingOf } from "../functions/src/domain/scoring/ppkChoice.js";
import { proposalIssues } from "../functions/src/domain/selection/closingLetters.js";
import { evaluateGates } from "../functions/src/domain/selection/gates.js";
import { findTransition } from "../functions/src/domain/selection/stageMachine.js";
import { storedSelection } from "../functions/src/domain/selection/stored.js";
import { CLOSING_SELECTION_ID } from "../seed/closing.js";
import { TODAY } from "../seed/metro2021.js";

const { closing } = TODAY;
const selection = storedSelection.parse(closing.selection);

describe("the closing demo (Metro 2022 at penetapan)", () => {
  it("is a stored selection at penetapan, with no choice yet and BPBD cancelled", () => {
    expect(TODAY.selections[CLOSING_SELECTION_ID]).toBe(closing.selection);
    expect(selection.stage).toBe("penetapan");
    expect(selection.ppkChoices).toEqual({});
    expect(selection.postDecisions).toEqual({ bpbd: "cancelPost" });
  });

  it("has a final, lockable ranking with three finalists for every live post", () => {
    const live = selection.posts.filter((p) => selection.postDecisions[p.id] !== "cancelPost").map((p) => p.id);
    expect(closing.rankings.map((r) => r.doc.postId).sort()).toEqual([...live].sort());
    for (const r of closing.rankings) {
      const doc = storedRanking.parse(r.doc);
      expect(doc).toMatchObject({ lockable: true, blockers: 0, stage: "pemeringkatan" });
      expect(r.id).toBe(`${CLOSING_SELECTION_ID}_${doc.postId}_pemeringkatan`);
      const final = finalRankingOf(doc)!;
      expect(final.finalists.map((f) => f.rank)).toEqual([1, 2, 3]);
    }
    // Every condition of the proposal held when it was issued.
    expect(proposalIssues({ ...selection, stage: "laporanPpk" }, new Set(live))).toEqual([]);
  });

  it("has the proposal letter issued, so the stage before was left through its gate", () => {
    const { record, snapshot } = closing.document;
    expect(selection.proposalDocumentId).toBe(record.fileId);
    expect(record).toMatchObject({ kind: "usulanPpk", version: 1, number: "001/USUL/PANSEL-JPT/BKPSDM-MTR/XI/2022" });
    expect(proposalSnapshot.parse(snapshot).posts.map((p) => p.finalists.length)).toEqual([3, 3, 3]);
    expect(buildProposalLetter(snapshot).title.heading).toBe("SURAT USULAN");
    const move = findTransition("laporanPpk", "penetapan", selection.stagesUsed)!;
    const day = { year: 2022, month: 11, day: 16 };
    expect(evaluateGates(move, { ...selection, stage: "laporanPpk" }, day).errors).toEqual([]);
  });
});
