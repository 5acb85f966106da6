/**
 * The two letters after the ranking (issue 9), in the letter frame of every document (./letter.ts):
 *
 * - the surat usulan tiga besar: the pansel proposes each live post's 3 besar, in rank order with
 *   their totals and the ranking's SHA-256, to the PPK; for the Sekda of a kabupaten/kota it says
 *   the three names go to the governor first (UU 23/2014 art. 214, from the regulation profile);
 * - the laporan akhir seleksi to the national authority once the PPK has chosen on every post: the
 *   process stage by stage, the pansel, the counts, per post the 3 besar and the PPK's choice (with
 *   the reason when it is not the first), the documents issued, and the deadline from the profile.
 *
 * Everything printed is fixed in the snapshot when the number is taken; the builders only lay it out.
 */
import { z } from "zod/mini";
import { formatDateId, formatDateRangeId } from "../calendar.js";
import { message } from "../i18n/render.js";
import type { MessageKey } from "../i18n/messages.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { instansiDoc } from "../schemas/documents.js";
import { hundredths } from "../scoring/postRanking.js";
import { governorConsultation, regionKindOf, type FinalRanking } from "../scoring/ppkChoice.js";
import { livePosts } from "../selection/livePosts.js";
import type { StoredSelection } from "../selection/stored.js";
import type { Announcement, AnnouncementSection } from "./announcement.js";
import { docText, letter, placeOf } from "./letter.js";

const t = docText;

const letterInstansi = z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true });

/** A finalist as printed: total already formatted ("87,50"), NIP already masked by the ranking. */
const finalistRow = z.object({ rank: z.int(), name: z.string(), nip: z.string(), total: z.string() });

const common = {
  instansi: letterInstansi,
  title: z.string(),
  legalBasis: z.array(z.string()),
  selectionId: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  /** Names of posts cancelled for too few applicants: named as left out, nothing proposed. */
  cancelled: z.array(z.string()),
  signatory: z.object({ name: z.string(), title: z.string() }),
  verifyUrl: z.string(),
};

export const proposalSnapshot = z.object({
  kind: z.literal("usulanPpk"),
  ...common,
  /** The addressee: "Wali Kota Metro". */
  ppk: z.string(),
  posts: z.array(
    z.object({
      name: z.string(),
      opd: z.string(),
      finalists: z.array(finalistRow),
      rankingSha256: z.string(),
      /** The citation when the names go to the governor first; null otherwise. */
      governorCite: z.nullable(z.string()),
    }),
  ),
});
export type ProposalSnapshot = z.infer<typeof proposalSnapshot>;

export const finalReportSnapshot = z.object({
  kind: z.literal("laporanAkhir"),
  ...common,
  authority: z.object({ name: z.string(), short: z.string(), cite: z.string(), authorityCite: z.string() }),
  deadline: z.object({ chosenOn: z.string(), dueOn: z.string(), days: z.int(), cite: z.string() }),
  /** The stages used, in order: scheduled dates, and the day the move into it was approved. */
  stages: z.array(
    z.object({
      stage: z.string(),
      start: z.nullable(z.string()),
      end: z.nullable(z.string()),
      enteredOn: z.nullable(z.string()),
    }),
  ),
  pansel: z.array(z.object({ name: z.string(), position: z.string(), origin: z.string(), affiliation: z.string() })),
  counts: z.object({ applicants: z.int(), ms: z.int(), ranked: z.int() }),
  posts: z.array(
    z.object({
      name: z.string(),
      opd: z.string(),
      finalists: z.array(finalistRow),
      rankingSha256: z.string(),
      choice: z.object({ name: z.string(), rank: z.int(), reason: z.string(), chosenOn: z.string() }),
    }),
  ),
  /** The selection's documents by kind and number (receipts counted, not listed). */
  documents: z.array(z.object({ kind: z.string(), number: z.string(), issuedOn: z.string() })),
  receipts: z.int(),
});
export type FinalReportSnapshot = z.infer<typeof finalReportSnapshot>;

type Row = z.infer<typeof finalistRow>;
type LetterSelection = Pick<StoredSelection, "title" | "legalBasis" | "posts" | "postDecisions" | "pansel">;

/** The 3 besar as printed: the total in hundredths formatted, the NIP as the ranking masked it. */
export function finalistRows(ranking: FinalRanking): Row[] {
  return ranking.finalists.map((f) => ({
    rank: f.rank,
    name: f.name,
    nip: f.nip ?? "",
    total: f.total === undefined ? "\u2013" : hundredths(f.total),
  }));
}

/** What every letter of a selection prints besides its content: fixed when the number is taken. */
export function letterCommon(
  s: LetterSelection,
  instansi: z.infer<typeof letterInstansi>,
  fixed: { selectionId: string; number: string; issuedOn: string; verifyUrl: string },
) {
  return {
    instansi: {
      name: instansi.name,
      shortName: instansi.shortName,
      agency: instansi.agency,
      address: instansi.address,
      website: instansi.website,
    },
    title: s.title,
    legalBasis: [...s.legalBasis],
    ...fixed,
    cancelled: s.posts.filter((p) => s.postDecisions[p.id] === "cancelPost").map((p) => p.name),
    signatory: {
      name: s.pansel.find((m) => m.position === "ketua")?.name ?? "",
      title: message("id", "doc.signatory.ketua", { instansi: instansi.shortName }),
    },
  };
}

/**
 * The proposal's content: each live post's 3 besar from its final ranking (every live post has one:
 * the callable checks it first), and the governor's note where the profile asks for it.
 */
export function proposalContent(
  s: LetterSelection & Pick<StoredSelection, "instansiName">,
  rankings: ReadonlyMap<string, FinalRanking>,
  instansi: { name: string; shortName: string },
  profile: Pick<RegulationProfile, "governorConsultation">,
): Pick<ProposalSnapshot, "ppk" | "posts"> {
  const region = regionKindOf(s.instansiName);
  return {
    ppk: ppkTitleOf(instansi),
    posts: livePosts(s).map((p) => {
      const ranking = rankings.get(p.id);
      if (!ranking) throw new Error(`no final ranking for ${p.id}`);
      const consultation = governorConsultation(profile, region, p.name);
      return {
        name: p.name,
        opd: p.opd,
        finalists: finalistRows(ranking),
        rankingSha256: ranking.sha256,
        governorCite: consultation.needed ? consultation.cite : null,
      };
    }),
  };
}

/** The PPK of a regional government is its head: "Wali Kota Metro", "Bupati Pesawaran", "Gubernur Lampung". */
export function ppkTitleOf(instansi: { name: string; shortName: string }): string {
  const place = placeOf(instansi.shortName.replace(/^Provinsi\s+/i, ""));
  switch (regionKindOf(instansi.name)) {
    case "kota":
      return t("doc.ppk.kota", { place });
    case "kabupaten":
      return t("doc.ppk.kabupaten", { place });
    case "provinsi":
      return t("doc.ppk.provinsi", { place });
    case null:
      return t("doc.ppk.other", { instansi: instansi.shortName });
  }
}

const postLabel = (p: { name: string; opd: string }) => (p.opd ? `${p.name} (${p.opd})` : p.name);

function finalistTable(
  finalists: readonly z.infer<typeof finalistRow>[],
  chosenRank?: number,
): { columns: { key: string; label: string }[]; rows: Record<string, string>[] } {
  const columns = [
    { key: "no", label: t("doc.rekap.col.rank") },
    { key: "name", label: t("doc.col.name") },
    { key: "total", label: t("doc.rekap.col.total") },
  ];
  if (chosenRank !== undefined) columns.push({ key: "note", label: t("doc.rekap.col.note") });
  return {
    columns,
    rows: finalists.map((f) => ({
      no: String(f.rank),
      name: f.nip ? `${f.name}\n${f.nip}` : f.name,
      total: f.total,
      note: chosenRank === f.rank ? t("doc.report.chosen") : "",
    })),
  };
}

export function buildProposalLetter(input: ProposalSnapshot): Announcement {
  const sections: AnnouncementSection[] = [
    { id: "closingLines", kind: "lines", heading: t("doc.proposal.to"), lines: [input.ppk, t("doc.proposal.asPpk")] },
  ];
  for (const post of input.posts) {
    sections.push({ id: "closing", kind: "table", heading: postLabel(post), table: finalistTable(post.finalists) });
    const notes = [t("doc.rekap.hash", { sha256: post.rankingSha256 })];
    if (post.governorCite) notes.push(t("doc.proposal.governor", { cite: post.governorCite }));
    sections.push({ id: "closingLines", kind: "lines", heading: "", lines: notes });
  }
  if (input.cancelled.length > 0) {
    sections.push({
      id: "notes",
      kind: "list",
      heading: t("doc.rekap.notes"),
      items: [t("doc.letters.cancelled", { posts: input.cancelled.join(", ") })],
    });
  }
  return letter({
    instansi: input.instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.proposal.heading"),
    metaTitle: `${t("doc.proposal.heading")} ${input.title}`,
    subject: t("doc.proposal.subject"),
    basis: input.legalBasis,
    opening: t("doc.proposal.opening", { title: input.title }),
    sections,
    closing: t("doc.proposal.closing"),
    signatory: input.signatory,
  });
}

/** A table of the report whose first column numbers the rows ("No."). */
function numberedTable(
  heading: string,
  columns: readonly (readonly [string, MessageKey])[],
  rows: readonly Record<string, string>[],
): AnnouncementSection {
  return {
    id: "closing",
    kind: "table",
    heading,
    table: {
      columns: [{ key: "no", label: t("doc.col.no") }, ...columns.map(([key, label]) => ({ key, label: t(label) }))],
      rows: rows.map((row, i) => ({ no: String(i + 1), ...row })),
    },
  };
}

export function buildFinalReport(input: FinalReportSnapshot): Announcement {
  const stageRows = input.stages.map((s) => ({
    stage: t(`stage.${s.stage}` as MessageKey),
    dates: s.start && s.end ? formatDateRangeId(s.start, s.end) : "\u2013",
    entered: s.enteredOn ? formatDateId(s.enteredOn) : "\u2013",
  }));
  const sections: AnnouncementSection[] = [
    {
      id: "closingLines",
      kind: "lines",
      heading: t("doc.proposal.to"),
      lines: [input.authority.name, t("doc.report.authorityBasis", { cite: input.authority.authorityCite })],
    },
    numberedTable(
      t("doc.report.stages"),
      [
        ["stage", "doc.report.col.stage"],
        ["dates", "doc.report.col.scheduled"],
        ["entered", "doc.report.col.entered"],
      ],
      stageRows,
    ),
    numberedTable(
      t("doc.report.pansel"),
      [
        ["name", "doc.col.name"],
        ["position", "doc.report.col.position"],
        ["origin", "doc.report.col.origin"],
      ],
      input.pansel.map((m) => ({
        name: m.affiliation ? `${m.name}\n${m.affiliation}` : m.name,
        position: t(`setup.position.${m.position}` as MessageKey),
        origin: t(`setup.origin.${m.origin}` as MessageKey),
      })),
    ),
    {
      id: "closingLines",
      kind: "lines",
      heading: t("doc.report.counts"),
      lines: [
        t("doc.report.applicants", { count: input.counts.applicants }),
        t("doc.report.ms", { count: input.counts.ms }),
        t("doc.report.ranked", { count: input.counts.ranked }),
      ],
    },
  ];
  for (const post of input.posts) {
    sections.push({
      id: "closing",
      kind: "table",
      heading: postLabel(post),
      table: finalistTable(post.finalists, post.choice.rank),
    });
    const lines = [
      t("doc.report.choice", {
        name: post.choice.name,
        rank: post.choice.rank,
        date: formatDateId(post.choice.chosenOn),
      }),
    ];
    if (post.choice.rank > 1) lines.push(t("doc.report.reason", { reason: post.choice.reason }));
    lines.push(t("doc.rekap.hash", { sha256: post.rankingSha256 }));
    sections.push({ id: "closingLines", kind: "lines", heading: "", lines });
  }
  sections.push(
    numberedTable(
      t("doc.report.documents"),
      [
        ["kind", "doc.report.col.kind"],
        ["number", "doc.report.col.number"],
      ],
      input.documents.map((d) => ({
        kind: t(`doc.kind.${d.kind}` as MessageKey),
        number: `${d.number}\n${formatDateId(d.issuedOn)}`,
      })),
    ),
  );
  const notes = [
    t("doc.report.receipts", { count: input.receipts }),
    t("doc.report.deadline", {
      date: formatDateId(input.deadline.dueOn),
      days: input.deadline.days,
      chosen: formatDateId(input.deadline.chosenOn),
      authority: input.authority.short,
      cite: input.deadline.cite,
    }),
  ];
  if (input.cancelled.length > 0) notes.push(t("doc.letters.cancelled", { posts: input.cancelled.join(", ") }));
  sections.push({ id: "notes", kind: "list", heading: t("doc.rekap.notes"), items: notes });
  return letter({
    instansi: input.instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.report.heading"),
    metaTitle: `${t("doc.report.heading")} ${input.title}`,
    subject: t("doc.report.subject", { title: input.title }),
    basis: input.legalBasis,
    opening: t("doc.report.opening", { title: input.title, authority: input.authority.short }),
    sections,
    closing: t("doc.report.closing"),
    signatory: input.signatory,
  });
}
