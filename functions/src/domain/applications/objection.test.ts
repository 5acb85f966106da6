import { describe, expect, it } from "vitest";
import type { StoredApplication, Verification } from "./application.js";
import {
  acceptedResult,
  answerDueMs,
  answerObjectionInput,
  dateInZone,
  fileObjectionInput,
  msListByPost,
  objectionRefusal,
  objectionWindow,
  publishedResults,
} from "./objection.js";

const RULE = { objectionDays: 3, objectionAnswerDays: 7 };

const tms: Verification = {
  decision: "tms",
  reasons: ["Pangkat belum IV/a"],
  byUid: "op",
  byName: "Operator",
  at: "2021-10-20T03:00:00.000Z",
  confirmedByUid: null,
  confirmedByName: null,
  confirmedAt: null,
  changedByObjection: null,
};
const ms: Verification = { ...tms, decision: "ms", reasons: [] };

describe("the objection window (calendar days in the government's zone, server clock)", () => {
  it("runs from the announcement to the end of the announcement day plus the profile's days", () => {
    // Announced 20 October 2021 at 10:00 WIB: three days after it is 23 October, which ends at 17:00Z.
    const w = objectionWindow(Date.parse("2021-10-20T03:00:00Z"), RULE, "Asia/Jakarta");
    expect(w).toEqual({ lastDay: "2021-10-23", closesAtMs: Date.parse("2021-10-23T17:00:00Z") });
  });

  it("counts the announcement day in the zone, not in UTC", () => {
    // 18:00Z on 31 December is 01:00 WIB on 1 January; 12:00Z is still 21:00 WIT on 31 December.
    expect(dateInZone(Date.parse("2021-12-31T18:00:00Z"), "Asia/Jakarta")).toEqual({ year: 2022, month: 1, day: 1 });
    expect(dateInZone(Date.parse("2021-12-31T12:00:00Z"), "Asia/Jayapura")).toEqual({ year: 2021, month: 12, day: 31 });
    const w = objectionWindow(Date.parse("2021-12-31T18:00:00Z"), RULE, "Asia/Jakarta");
    expect(w.lastDay).toBe("2022-01-04");
  });

  it("is open to the last millisecond, and closed from the first one after", () => {
    const application = { candidateUid: "u1", status: "tms" as const, result: tms, objection: null };
    const w = objectionWindow(Date.parse("2021-10-20T03:00:00Z"), RULE, "Asia/Jakarta");
    expect(objectionRefusal(application, "u1", w, w.closesAtMs - 1)).toBeNull();
    expect(objectionRefusal(application, "u1", w, w.closesAtMs)).toBe("err.objection.closed");
    expect(objectionRefusal(application, "u1", null, 0)).toBe("err.objection.closed");
  });

  it("gives the operators until the end of the filing day plus the answer days", () => {
    expect(answerDueMs(Date.parse("2021-10-21T16:59:00Z"), RULE, "Asia/Jakarta")).toBe(
      Date.parse("2021-10-28T17:00:00Z"),
    );
    // One minute later it is 22 October in WIB.
    expect(answerDueMs(Date.parse("2021-10-21T17:00:00Z"), RULE, "Asia/Jakarta")).toBe(
      Date.parse("2021-10-29T17:00:00Z"),
    );
  });
});

describe("who may object", () => {
  const w = { closesAtMs: 1000 };
  const base = { candidateUid: "u1", status: "tms" as const, result: tms, objection: null };
  it("refuses another candidate before saying anything about the result", () => {
    expect(objectionRefusal({ ...base, status: "ms", result: ms }, "u2", w, 0)).toBe("err.objection.notOwner");
  });
  it("refuses an MS result, an unpublished one, and a second objection", () => {
    expect(objectionRefusal({ ...base, status: "ms", result: ms }, "u1", w, 0)).toBe("err.objection.notTms");
    expect(objectionRefusal({ ...base, status: "submitted", result: null }, "u1", w, 0)).toBe("err.objection.notTms");
    const filed = {
      text: "x",
      attachmentFileId: null,
      filedAt: "",
      answerDue: "",
      status: "open" as const,
      answer: null,
      answeredByUid: null,
      answeredByName: null,
      answeredAt: null,
    };
    expect(objectionRefusal({ ...base, objection: filed }, "u1", w, 5000)).toBe("err.objection.already");
  });
});

describe("the inputs are bounded", () => {
  it("asks for a text of 20 to 3000 characters, trimmed", () => {
    const ok = {
      applicationId: "sel_post_uid",
      text: "  Saya sudah IV/a sejak 1 April 2021.  ",
      requestId: "req-12345678",
    };
    expect(fileObjectionInput.parse(ok).text).toBe("Saya sudah IV/a sejak 1 April 2021.");
    expect(fileObjectionInput.safeParse({ ...ok, text: "terlalu pendek" }).success).toBe(false);
    expect(fileObjectionInput.safeParse({ ...ok, text: "a".repeat(3001) }).success).toBe(false);
    expect(fileObjectionInput.safeParse({ ...ok, applicationId: "../x" }).success).toBe(false);
  });
  it("asks the operator for a decision and a reason", () => {
    const ok = { applicationId: "a_b_c", decision: "accept", reason: "SK terlampir sah", requestId: "req-12345678" };
    expect(answerObjectionInput.safeParse(ok).success).toBe(true);
    expect(answerObjectionInput.safeParse({ ...ok, reason: "  " }).success).toBe(false);
    expect(answerObjectionInput.safeParse({ ...ok, decision: "maybe" }).success).toBe(false);
  });
});

describe("publishing copies each submitted application's verification", () => {
  it("sets status and result from the review; drafts and withdrawn ones are left alone", () => {
    const out = publishedResults([
      { id: "a", status: "submitted", verification: ms },
      { id: "b", status: "submitted", verification: tms },
      { id: "c", status: "draft", verification: null },
      { id: "d", status: "withdrawn", verification: null },
    ]);
    expect(out).toEqual({
      ok: true,
      updates: [
        { id: "a", status: "ms", result: ms },
        { id: "b", status: "tms", result: tms },
      ],
    });
  });
  it("refuses when a submitted application has no verification", () => {
    expect(publishedResults([{ id: "a", status: "submitted", verification: null }])).toEqual({
      ok: false,
      unverified: ["a"],
    });
  });
  it("an accepted objection makes the result MS and keeps what it was", () => {
    const changed = acceptedResult(tms, { uid: "op2", name: "Operator Dua" }, "2021-10-25T01:00:00.000Z");
    expect(changed.decision).toBe("ms");
    expect(changed.reasons).toEqual([]);
    expect(changed.changedByObjection).toEqual({
      from: "tms",
      reasons: ["Pangkat belum IV/a"],
      at: "2021-10-25T01:00:00.000Z",
    });
  });
});

describe("the public MS list", () => {
  const app = (postId: string, candidateName: string, status: StoredApplication["status"]) => ({
    postId,
    candidateName,
    status,
    nip: "197806122004011004",
  });
  it("names MS candidates per post with masked NIPs; never TMS; cancelled posts left out", () => {
    const list = msListByPost(
      ["asisten-1", "bappeda", "bpbd"],
      ["bpbd"],
      [
        app("asisten-1", "Budi", "ms"),
        app("asisten-1", "Ani", "ms"),
        app("asisten-1", "Citra", "tms"),
        app("bpbd", "Dedi", "ms"),
      ],
    );
    expect(list).toEqual({
      "asisten-1": [
        { name: "Ani", nip: "197806********1004" },
        { name: "Budi", nip: "197806********1004" },
      ],
      bappeda: [],
    });
  });
});
