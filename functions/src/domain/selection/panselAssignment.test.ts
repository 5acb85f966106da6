import { describe, expect, it } from "vitest";
import { assignedMembers, assignmentIssues } from "./panselAssignment.js";

const SELECTION = {
  stage: "seleksiAdministrasi" as const,
  posts: [{ id: "bappeda" }, { id: "dinkes" }, { id: "bpbd" }] as never,
  postDecisions: { bpbd: "cancelPost" as const },
  panselUids: ["u-ketua", "u-sekretaris", "u-anggota"],
  panselAssignments: { dinkes: ["u-ketua", "u-anggota"] },
};
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe("assigning pansel members to a post", () => {
  it("takes members of the committee for a post of the selection", () => {
    expect(assignmentIssues(SELECTION, "bappeda", ["u-sekretaris"])).toEqual([]);
  });
  it("refuses an unknown post, a cancelled post, a stranger and a member named twice", () => {
    expect(codes(assignmentIssues(SELECTION, "dishub", ["u-ketua"]))).toEqual(["err.assign.noPost"]);
    expect(codes(assignmentIssues(SELECTION, "bpbd", ["u-ketua"]))).toEqual(["err.assign.postCancelled"]);
    expect(codes(assignmentIssues(SELECTION, "bappeda", ["u-ketua", "u-other"]))).toEqual(["err.assign.notMember"]);
    expect(codes(assignmentIssues(SELECTION, "bappeda", ["u-ketua", "u-ketua"]))).toEqual(["err.assign.duplicate"]);
  });
  it("is fixed once ranking has started", () => {
    for (const stage of ["pemeringkatan", "selesai", "dibatalkan"] as const) {
      expect(codes(assignmentIssues({ ...SELECTION, stage }, "bappeda", ["u-ketua"]))).toEqual(["err.assign.closed"]);
    }
    expect(assignmentIssues({ ...SELECTION, stage: "wawancara" }, "bappeda", ["u-ketua"])).toEqual([]);
  });
  it("gives a post its assignment, else the whole committee", () => {
    expect(assignedMembers(SELECTION, "dinkes")).toEqual(["u-ketua", "u-anggota"]);
    expect(assignedMembers(SELECTION, "bappeda")).toEqual(SELECTION.panselUids);
  });
});
