/**
 * The berita acara (minutes) of a scoring stage (issue 9): what the committee did in the stage and
 * who was there. Per live post, the summary of its ranking after the stage (its SHA-256, how many
 * ranked and eliminated, who goes on); the members present, those who signed the stage on their
 * tablets, with each signature drawn as it was made and its time in the government's zone, and the
 * members absent; every spread flag with what the committee decided and why (./../scoring/calibration.ts).
 *
 * The snapshot fixes the summaries, not the rankings' whole JSON (a post of 500 candidates is
 * 400 KiB): the SHA-256 printed on the page ties each summary to the ranking it came from, and the
 * rekap of that ranking prints the same fingerprint.
 */
import { z } from "zod/mini";
import { formatDateId } from "../calendar.js";
import { signatureSheet } from "../charts/signatureSheet.js";
import type { IndonesianZone } from "../applications/window.js";
import type { Issue } from "../issue.js";
import { message } from "../i18n/render.js";
import type { MessageKey } from "../i18n/messages.js";
import { instansiDoc } from "../schemas/documents.js";
import { requestId } from "../selection/process.js";
import { SCHEDULED_STAGES, type PanselMember, type ScheduledStage, type ScoringPlan } from "../selection/setup.js";
import { rankingFlags, RESOLUTION_OUTCOMES, type FlagResolution } from "../scoring/calibration.js";
import { hundredths, type PostRankingResult } from "../scoring/postRanking.js";
import type { Announcement, AnnouncementSection } from "./announcement.js";
import { docText, letter } from "./letter.js";
import { localTime, ZONE_LABEL } from "./receipt.js";
import { PATH_PATTERN } from "./signature.js";

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));

export const issueBeritaAcaraInput = z.object({
  requestId,
  selectionId: docId,
  stage: z.enum(SCHEDULED_STAGES, { error: "err.input.invalid" }),
});
export type IssueBeritaAcaraInput = z.output<typeof issueBeritaAcaraInput>;

/** A scoring stage of the plan, or the final ranking: the stages a berita acara is made of. */
export function minutesStageIssue(plan: ScoringPlan, stage: ScheduledStage): Issue | null {
  if (stage === "pemeringkatan" || plan.components.some((c) => c.stage === stage && !c.imported)) return null;
  return { code: "err.minutes.notScoringStage", params: { stage: message("id", `stage.${stage}` as MessageKey) } };
}

/** "metro-2021-ukom_wawancara-beritaAcara-v1": one series per selection and stage. */
export function beritaAcaraDocumentId(selectionId: string, stage: string, version: number): string {
  return `${selectionId}_${stage}-beritaAcara-v${version}`;
}
export const minutesKey = (selectionId: string, stage: string): string => `${selectionId}_${stage}`;

const flagEntry = z.object({
  kind: z.enum(["cell", "member"]),
  /** "Name · Component" or the member's name. */
  subject: z.string(),
  /** The spread, or the member's mean deviation, in hundredths of a point. */
  figure: z.int(),
  outcome: z.enum(RESOLUTION_OUTCOMES),
  reason: z.string(),
  by: z.string(),
  /** For "rescored": the member whose score was reopened. */
  rescoredMember: z.nullable(z.string()),
});

const postEntry = z.object({
  name: z.string(),
  opd: z.string(),
  rankingSha256: z.string(),
  final: z.boolean(),
  ranked: z.int(),
  eliminated: z.int(),
  /** Who goes on after the stage (the 3 besar after the final ranking), in rank order. */
  goesOn: z.array(z.string()),
  threshold: z.number(),
  flags: z.array(flagEntry),
});
export type MinutesPost = z.infer<typeof postEntry>;

export const beritaAcaraSnapshot = z.object({
  kind: z.literal("beritaAcara"),
  instansi: z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true }),
  timeZone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
  title: z.string(),
  legalBasis: z.array(z.string()),
  selectionId: z.string(),
  stage: z.enum(SCHEDULED_STAGES),
  number: z.string(),
  issuedOn: z.string(),
  posts: z.array(postEntry),
  present: z.array(
    z.object({
      name: z.string(),
      position: z.string(),
      path: z.string().check(z.regex(new RegExp(PATH_PATTERN))),
      signedAtDevice: z.string(),
    }),
  ),
  absent: z.array(z.object({ name: z.string(), position: z.string() })),
  signatory: z.object({ name: z.string(), title: z.string() }),
  verifyUrl: z.string(),
});
export type BeritaAcaraSnapshot = z.infer<typeof beritaAcaraSnapshot>;

/**
 * One post's part of the minutes from its stored ranking and calibration, or why it cannot be
 * issued yet: a ranking that is not lockable, or a flag nobody resolved.
 */
export function minutesPost(
  post: { readonly name: string; readonly opd: string },
  ranking: { readonly json: string; readonly sha256: string; readonly lockable: boolean },
  resolutions: Readonly<Record<string, FlagResolution>>,
): MinutesPost | Issue {
  if (!ranking.lockable) return { code: "err.minutes.notLockable", params: { post: post.name } };
  const r = JSON.parse(ranking.json) as PostRankingResult;
  const flags = rankingFlags(r);
  const open = flags.filter((f) => !resolutions[f.key]);
  if (open.length > 0) return { code: "err.minutes.unresolved", params: { post: post.name, count: open.length } };
  const candidate = new Map(r.candidates.map((c) => [c.applicationId, c.name]));
  const member = (uid: string) => r.members.find((m) => m.uid === uid)?.name ?? uid;
  const component = (id: string) => r.components.find((c) => c.id === id)?.label ?? id;
  const goesOn = r.final ? r.finalists : r.ranked.map((row) => row.applicationId);
  return {
    name: post.name,
    opd: post.opd,
    rankingSha256: ranking.sha256,
    final: r.final,
    ranked: r.ranked.length,
    eliminated: r.eliminated.length,
    goesOn: goesOn.map((id) => candidate.get(id) ?? id),
    threshold: r.spread.threshold,
    flags: flags.map(({ key, flag }) => {
      const resolution = resolutions[key]!;
      const cell =
        flag.kind === "cell"
          ? r.spread.cells.find((c) => c.applicationId === flag.applicationId && c.componentId === flag.componentId)
          : undefined;
      const deviation =
        flag.kind === "member" ? r.spread.members.find((m) => m.memberUid === flag.memberUid) : undefined;
      return {
        kind: flag.kind,
        subject:
          flag.kind === "cell"
            ? `${candidate.get(flag.applicationId) ?? flag.applicationId} \u00b7 ${component(flag.componentId)}`
            : member(flag.memberUid),
        figure: cell?.spread ?? deviation?.meanDeviation ?? 0,
        outcome: resolution.outcome,
        reason: resolution.reason,
        by: resolution.by.name,
        rescoredMember: resolution.scoreMemberUid ? member(resolution.scoreMemberUid) : null,
      };
    }),
  };
}

/** Who was there: the committee members who signed the stage, in the committee's order; the rest absent. */
export function minutesAttendance(
  pansel: readonly PanselMember[],
  signatures: ReadonlyMap<string, { readonly path: string; readonly signedAtDevice: string }>,
): Pick<BeritaAcaraSnapshot, "present" | "absent"> {
  const position = (m: PanselMember) => message("id", `setup.position.${m.position}` as MessageKey);
  const present: BeritaAcaraSnapshot["present"] = [];
  const absent: BeritaAcaraSnapshot["absent"] = [];
  for (const m of pansel) {
    const signed = m.uid ? signatures.get(m.uid) : undefined;
    if (signed) present.push({ name: m.name, position: position(m), ...signed });
    else absent.push({ name: m.name, position: position(m) });
  }
  return { present, absent };
}

/** "2021-10-12T07:05:00Z" in WIB → "12 Oktober 2021 pukul 14.05 WIB"; a time that is no time, as it is. */
export function signedAtText(iso: string, zone: IndonesianZone): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  const local = localTime(iso, zone);
  return docText("doc.ba.signedAt", { date: formatDateId(local.date), time: local.time, zone: ZONE_LABEL[zone] });
}

const t = docText;
const no = (i: number) => `${i + 1}.`;
/** 64 hex digits in four groups: a narrow column wraps them between groups, never mid-group. */
const groupedHash = (sha256: string) => sha256.match(/.{1,16}/g)?.join(" ") ?? sha256;

export function buildBeritaAcara(input: BeritaAcaraSnapshot): Announcement {
  const stage = message("id", `stage.${input.stage}` as MessageKey);
  const postLabel = (p: MinutesPost) => (p.opd ? `${p.name} (${p.opd})` : p.name);
  const sections: AnnouncementSection[] = [
    {
      id: "minutesPosts",
      kind: "table",
      heading: t("doc.ba.posts"),
      table: {
        columns: [
          { key: "no", label: t("doc.col.no") },
          { key: "post", label: t("doc.ba.col.post") },
          { key: "counts", label: t("doc.ba.col.counts") },
          {
            key: "goesOn",
            label: input.stage === "pemeringkatan" ? t("doc.ba.col.finalists") : t("doc.ba.col.goesOn"),
          },
        ],
        rows: input.posts.map((p, i) => ({
          no: no(i),
          post: `${postLabel(p)}\n${t("doc.ba.hash", { sha256: groupedHash(p.rankingSha256) })}`,
          counts: t("doc.ba.counts", { ranked: p.ranked, eliminated: p.eliminated }),
          goesOn: p.goesOn.length > 0 ? p.goesOn.map((name, n) => `${n + 1}. ${name}`).join("\n") : "\u2013",
        })),
      },
    },
    {
      id: "attendance",
      kind: "lines",
      heading: t("doc.ba.attendance"),
      lines: [
        t("doc.ba.present", { count: input.present.length }),
        ...input.present.map((m, i) => `${no(i)} ${m.name} (${m.position})`),
        input.absent.length > 0 ? t("doc.ba.absent", { count: input.absent.length }) : t("doc.ba.noneAbsent"),
        ...input.absent.map((m, i) => `${no(i)} ${m.name} (${m.position})`),
      ],
    },
  ];
  const flags = input.posts.flatMap((p) => p.flags.map((f) => ({ post: p, flag: f })));
  if (flags.length > 0) {
    sections.push({
      id: "minutesFlags",
      kind: "table",
      heading: t("doc.ba.flags"),
      table: {
        columns: [
          { key: "no", label: t("doc.col.no") },
          { key: "post", label: t("doc.ba.col.post") },
          { key: "flag", label: t("doc.ba.col.flag") },
          { key: "outcome", label: t("doc.ba.col.outcome") },
          { key: "reason", label: t("doc.ba.col.reason") },
        ],
        rows: flags.map(({ post, flag }, i) => ({
          no: no(i),
          post: post.name,
          flag:
            flag.kind === "cell"
              ? t("doc.ba.flag.cell", {
                  subject: flag.subject,
                  spread: hundredths(flag.figure),
                  threshold: post.threshold,
                })
              : t("doc.ba.flag.member", { subject: flag.subject, deviation: hundredths(flag.figure) }),
          outcome:
            flag.outcome === "kept"
              ? t("doc.ba.outcome.kept")
              : t("doc.ba.outcome.rescored", { member: flag.rescoredMember ?? "" }),
          reason: `${flag.reason}\n${t("doc.ba.recordedBy", { name: flag.by })}`,
        })),
      },
    });
  }
  if (input.present.length > 0) {
    sections.push({
      id: "chart",
      kind: "chart",
      heading: t("doc.ba.signatures"),
      chart: signatureSheet(
        t("doc.ba.signatures"),
        input.present.map((m) => ({
          name: m.name,
          position: m.position,
          path: m.path,
          signedAt: signedAtText(m.signedAtDevice, input.timeZone),
        })),
      ),
    });
  }
  sections.push({
    id: "notes",
    kind: "list",
    heading: t("doc.rekap.notes"),
    items: [
      flags.length > 0 ? t("doc.ba.note.flags") : t("doc.ba.note.noFlags"),
      t("doc.ba.note.hash"),
      t("doc.ba.note.signedAt"),
    ],
  });
  return letter({
    instansi: input.instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.ba.heading"),
    metaTitle: `${t("doc.ba.heading")} ${stage}`,
    subject: t("doc.ba.subject", { stage, title: input.title }),
    basis: input.legalBasis,
    opening: t("doc.ba.opening", { title: input.title, stage, date: formatDateId(input.issuedOn) }),
    sections,
    closing: t("doc.ba.closing"),
    signatory: input.signatory,
  });
}
