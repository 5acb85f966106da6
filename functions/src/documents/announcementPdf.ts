/**
 * Draws the pengumuman model (../domain/documents/announcement.ts) as an A4 PDF with pdfkit.
 *
 * - The font is DejaVu, embedded (subset) from the `dejavu-fonts-ttf` package: PDF's standard
 *   Helvetica has no glyph for some characters of Indonesian names and for the en dash of date ranges,
 *   and a font left to the reader's phone changes line breaks from one viewer to the next.
 * - The output is deterministic: the same model gives the same bytes, so the SHA-256 printed on the
 *   verification page can be recomputed from the stored file and from a regenerated one. pdfkit's only
 *   varying inputs are the CreationDate (its file ID is a hash of the Info dictionary), so both are
 *   fixed to the issue date.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Announcement, AnnouncementSection } from "../domain/documents/announcement.js";
import type { Chart, Shape } from "../domain/charts/shapes.js";
import { fillTemplate } from "../domain/i18n/messages.js";

export { sha256Hex } from "../files/hash.js";

// Resolved from this file, so it works from src/ under vitest and from lib/ after tsc alike.
const FONT_DIR = dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
const FONTS = {
  body: join(FONT_DIR, "DejaVuSans.ttf"),
  bold: join(FONT_DIR, "DejaVuSans-Bold.ttf"),
  cell: join(FONT_DIR, "DejaVuSansCondensed.ttf"),
  cellBold: join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf"),
} as const;

const PAGE = { width: 595.28, height: 841.89 } as const; // A4 in points
const MARGIN = { top: 48, bottom: 64, left: 64, right: 56 } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10;
const CELL_SIZE = 8.5;
const CELL_PAD = 3.5;
const LINE_GAP = 1.5;
const INK = "#000000";
const GREY = "#555555";
const HEADER_FILL = "#e6e6e6";

/** Column widths as shares of the content width, per table; a column not listed gets an equal share. */
const COLUMN_SHARES: Record<string, Record<string, number>> = {
  posts: { no: 5, post: 26.5, opd: 12.5, minRank: 13, education: 12, experience: 20.5, maxAge: 10.5 },
  documents: { no: 5, document: 56, required: 11, formats: 15, maxSize: 13 },
  schedule: { no: 5, stage: 55, dates: 40 },
  result: { no: 8, name: 60, nip: 32 },
  // The rekap: the component columns (c0, c1, …) share what is left equally.
  rekap: { no: 7, name: 24, total: 9, note: 18 },
  minutesPosts: { no: 6, post: 38, counts: 18, goesOn: 38 },
  minutesFlags: { no: 6, post: 16, flag: 26, outcome: 20, reason: 32 },
  // The proposal and the final report (domain/documents/ppkLetters.ts); each table uses some of these.
  closing: {
    no: 9,
    name: 42,
    total: 13,
    note: 36,
    stage: 38,
    dates: 34,
    entered: 22,
    position: 18,
    origin: 22,
    kind: 36,
    number: 52,
  },
};
const CENTERED_COLUMNS = new Set(["no", "required", "formats", "maxSize", "maxAge", "education", "total"]);

type Doc = PDFKit.PDFDocument;

export async function renderAnnouncementPdf(model: Announcement): Promise<Buffer> {
  const qr = await QRCode.toBuffer(model.verify.url, { errorCorrectionLevel: "M", margin: 0, scale: 6 });
  // Midnight UTC of the issue date: a fixed instant, whatever the server's zone.
  const issued = new Date(`${model.issuedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    font: FONTS.body,
    lang: "id-ID",
    displayTitle: true,
    info: {
      Title: model.meta.title,
      Subject: model.meta.subject,
      Author: model.meta.author,
      Keywords: `${model.number}; ${model.selectionId}`,
      Creator: "Seleksi",
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const done = collect(doc);
  joinLeftPages(doc);
  doc.registerFont("body", FONTS.body);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("cell", FONTS.cell);
  doc.registerFont("cellBold", FONTS.cellBold);
  doc.fillColor(INK).strokeColor(INK);

  letterhead(doc, model);
  titleBlock(doc, model);
  basis(doc, model);
  paragraph(doc, model.opening);
  model.sections.forEach((section, i) => drawSection(doc, section, i));
  paragraph(doc, model.closing);
  signature(doc, model, qr);
  footers(doc, model);

  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** What pdfkit keeps of a buffered page: its content stream, one chunk per drawing operator. */
interface BufferedPage {
  readonly content: { buffer: Uint8Array[] };
}

/**
 * The pages are buffered until the end for "Halaman X dari Y", and pdfkit holds each page's content
 * as one small array per drawing operator: tens of thousands of them for a 500-candidate rekap, most
 * of the memory its rendering took. A page once left is joined into one array; pdfkit joins the
 * chunks the same way when it writes the page, so the bytes are the same.
 */
function joinLeftPages(doc: Doc): void {
  const pages = (doc as unknown as { _pageBuffer: BufferedPage[] })._pageBuffer;
  doc.on("pageAdded", () => {
    const left = pages[pages.length - 2];
    if (left && left.content.buffer.length > 1) left.content.buffer = [Buffer.concat(left.content.buffer)];
  });
}

const bottomLimit = (): number => PAGE.height - MARGIN.bottom;

/** Starts a new page when fewer than `height` points are left, so a block is never split. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit()) {
    doc.addPage();
    doc.x = MARGIN.left;
    doc.y = MARGIN.top;
  }
}

function letterhead(doc: Doc, model: Announcement): void {
  const { government, agency, contact } = model.letterhead;
  const x = MARGIN.left;
  doc.font("bold").fontSize(14).text(government, x, MARGIN.top, { width: CONTENT_WIDTH, align: "center" });
  doc
    .font("bold")
    .fontSize(11.5)
    .text(agency, x, doc.y + 1, { width: CONTENT_WIDTH, align: "center" });
  if (contact) {
    doc
      .font("body")
      .fontSize(8.5)
      .text(contact, x, doc.y + 2, { width: CONTENT_WIDTH, align: "center" });
  }
  // The double rule under a kop surat: thick, then thin.
  const y = doc.y + 5;
  doc
    .lineWidth(2)
    .moveTo(x, y)
    .lineTo(x + CONTENT_WIDTH, y)
    .stroke();
  doc
    .lineWidth(0.6)
    .moveTo(x, y + 3.2)
    .lineTo(x + CONTENT_WIDTH, y + 3.2)
    .stroke();
  doc.lineWidth(1);
  doc.x = x;
  doc.y = y + 16;
}

function titleBlock(doc: Doc, model: Announcement): void {
  const opts = { width: CONTENT_WIDTH, align: "center" as const };
  doc.font("bold").fontSize(12).text(model.title.heading, MARGIN.left, doc.y, opts);
  doc
    .font("body")
    .fontSize(BODY_SIZE)
    .text(model.title.number, MARGIN.left, doc.y + 1, opts);
  doc.moveDown(0.4);
  doc.font("body").fontSize(BODY_SIZE).text(model.title.about, MARGIN.left, doc.y, opts);
  doc
    .font("bold")
    .fontSize(11)
    .text(model.title.subject, MARGIN.left + 30, doc.y + 1, {
      ...opts,
      width: CONTENT_WIDTH - 60,
    });
  doc.x = MARGIN.left;
  doc.moveDown(1);
}

function basis(doc: Doc, model: Announcement): void {
  if (model.basis.items.length === 0) return;
  ensureSpace(doc, 40);
  doc.font("bold").fontSize(BODY_SIZE).text(`${model.basis.heading}:`, MARGIN.left, doc.y);
  numberedList(doc, model.basis.items, MARGIN.left);
  doc.moveDown(0.6);
}

function paragraph(doc: Doc, text: string): void {
  ensureSpace(doc, 30);
  doc.font("body").fontSize(BODY_SIZE).text(text, MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
    align: "justify",
    lineGap: LINE_GAP,
  });
  doc.moveDown(0.8);
}

/** "1." at x, the text hanging beside it; an item that runs past the page continues on the next. */
function numberedList(doc: Doc, items: readonly string[], x: number): void {
  const indent = 18;
  doc.font("body").fontSize(BODY_SIZE);
  items.forEach((item, i) => {
    ensureSpace(doc, 14);
    const y = doc.y + 2;
    doc.text(`${i + 1}.`, x, y, { width: indent, lineBreak: false });
    doc.text(item, x + indent, y, {
      width: CONTENT_WIDTH - (x - MARGIN.left) - indent,
      align: "justify",
      lineGap: LINE_GAP,
    });
  });
  doc.x = MARGIN.left;
}

function drawSection(doc: Doc, section: AnnouncementSection, index: number): void {
  // Keep a heading with at least the first lines under it.
  ensureSpace(doc, 70);
  const letter = String.fromCharCode(65 + index);
  doc.font("bold").fontSize(BODY_SIZE).text(`${letter}.  ${section.heading}`, MARGIN.left, doc.y);
  doc.moveDown(0.3);
  switch (section.kind) {
    case "table":
      drawTable(doc, section.id, section.table);
      break;
    case "list":
      numberedList(doc, section.items, MARGIN.left + 14);
      break;
    case "chart":
      drawChart(doc, section.chart);
      break;
    case "lines":
      doc.font("body").fontSize(BODY_SIZE);
      for (const line of section.lines) {
        ensureSpace(doc, 14);
        doc.text(line, MARGIN.left + 14, doc.y, { width: CONTENT_WIDTH - 14, lineGap: LINE_GAP });
      }
      break;
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.9);
}

/**
 * A chart (../domain/charts/) drawn as vectors across the content width, in bands that break at
 * the chart's row boundaries when it runs past the page: a 500-candidate ranking takes many pages.
 */
function drawChart(doc: Doc, chart: Chart): void {
  const scale = CONTENT_WIDTH / chart.width;
  const breaks = [...(chart.breaks ?? []), chart.height];
  let from = 0;
  while (from < chart.height) {
    ensureSpace(doc, Math.min(chart.height - from, 60) * scale);
    const room = (bottomLimit() - doc.y) / scale;
    let to = breaks.filter((b) => b > from && b <= from + room).at(-1) ?? Math.min(chart.height, from + room);
    if (to <= from) to = Math.min(chart.height, from + room);
    const top = doc.y;
    doc.save();
    doc.rect(MARGIN.left, top, CONTENT_WIDTH, (to - from) * scale).clip();
    doc.translate(MARGIN.left, top).scale(scale).translate(0, -from);
    for (const shape of chart.shapes) if (overlaps(shape, from, to)) drawShape(doc, shape);
    doc.restore();
    doc.x = MARGIN.left;
    doc.y = top + (to - from) * scale;
    from = to;
    if (from < chart.height) {
      doc.addPage();
      doc.y = MARGIN.top;
    }
  }
  doc.fillColor(INK).strokeColor(INK).fillOpacity(1).lineWidth(1).undash();
}

function overlaps(s: Shape, from: number, to: number): boolean {
  const [top, bottom] =
    s.kind === "rect"
      ? [s.y, s.y + s.height]
      : s.kind === "line"
        ? [Math.min(s.y1, s.y2), Math.max(s.y1, s.y2)]
        : s.kind === "circle"
          ? [s.cy - s.r, s.cy + s.r]
          : s.kind === "path"
            ? [s.y, s.y + s.height]
            : [s.y - s.size, s.y];
  return bottom >= from && top < to;
}

function drawShape(doc: Doc, s: Shape): void {
  switch (s.kind) {
    case "rect":
      doc
        .rect(s.x, s.y, s.width, s.height)
        .fillOpacity(s.opacity ?? 1)
        .fill(s.fill)
        .fillOpacity(1);
      break;
    case "line":
      doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).lineWidth(s.width).strokeColor(s.stroke);
      if (s.dash) doc.dash(4, { space: 3 });
      doc.stroke().undash();
      break;
    case "circle":
      if (s.stroke) doc.circle(s.cx, s.cy, s.r).lineWidth(1).fillAndStroke(s.fill, s.stroke);
      else doc.circle(s.cx, s.cy, s.r).fill(s.fill);
      break;
    case "text": {
      doc
        .font(s.bold ? "cellBold" : "cell")
        .fontSize(s.size)
        .fillColor(s.fill);
      const width = doc.widthOfString(s.text);
      const x = s.anchor === "end" ? s.x - width : s.anchor === "middle" ? s.x - width / 2 : s.x;
      doc.text(s.text, x, s.y, { lineBreak: false, baseline: "alphabetic" });
      break;
    }
    case "path":
      // A signature as vectors: pdfkit parses the same moves and lines the screen's SVG draws.
      doc
        .save()
        .translate(s.x, s.y)
        .scale(s.scale)
        .path(s.d)
        .lineWidth(s.width / s.scale)
        .lineCap("round")
        .lineJoin("round")
        .stroke(s.stroke)
        .restore();
      break;
  }
}

/** Any of the model's tables: the renderer only needs keys, labels and cell texts. */
interface AnyTable {
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

interface Column {
  readonly key: string;
  readonly label: string;
  readonly x: number;
  readonly width: number;
  readonly align: "left" | "center";
}

/**
 * A bordered table whose cells wrap (long post names), measured row by row: a row that does not fit
 * goes whole to the next page, under a repeated header row.
 */
function drawTable(doc: Doc, id: string, table: AnyTable): void {
  const shares = COLUMN_SHARES[id] ?? {};
  const fallback = 100 / table.columns.length;
  const total = table.columns.reduce((sum, c) => sum + (shares[c.key] ?? fallback), 0);
  let x = MARGIN.left;
  const columns: Column[] = table.columns.map((c) => {
    const width = (CONTENT_WIDTH * (shares[c.key] ?? fallback)) / total;
    const column = {
      key: c.key,
      label: c.label,
      x,
      width,
      align: CENTERED_COLUMNS.has(c.key) ? "center" : "left",
    } as const;
    x += width;
    return column;
  });

  const header = columns.map((c) => c.label);
  const drawHeader = (): void => drawRow(doc, columns, header, { font: "cellBold", fill: HEADER_FILL, center: true });
  ensureSpace(doc, rowHeight(doc, columns, header, "cellBold") + 30);
  drawHeader();
  for (const row of table.rows) {
    const cells = columns.map((c) => row[c.key] ?? "");
    // Measured once: laying out the text is most of a long table's time (a 500-candidate rekap).
    const height = rowHeight(doc, columns, cells, "cell");
    if (doc.y + height > bottomLimit()) {
      doc.addPage();
      doc.y = MARGIN.top;
      drawHeader();
    }
    drawRow(doc, columns, cells, { font: "cell" }, height);
  }
  doc.x = MARGIN.left;
}

function rowHeight(doc: Doc, columns: readonly Column[], cells: readonly string[], font: string): number {
  doc.font(font).fontSize(CELL_SIZE);
  const heights = columns.map((c, i) =>
    doc.heightOfString(cells[i] ?? "", { width: c.width - 2 * CELL_PAD, lineGap: 0.5 }),
  );
  return Math.max(...heights) + 2 * CELL_PAD;
}

function drawRow(
  doc: Doc,
  columns: readonly Column[],
  cells: readonly string[],
  style: { font: string; fill?: string; center?: boolean },
  measured?: number,
): void {
  const top = doc.y;
  const height = measured ?? rowHeight(doc, columns, cells, style.font);
  if (style.fill) {
    doc.save().rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(style.fill).restore();
  }
  doc.lineWidth(0.5).strokeColor(INK);
  for (const [i, c] of columns.entries()) {
    doc.rect(c.x, top, c.width, height).stroke();
    doc.font(style.font).fontSize(CELL_SIZE).fillColor(INK);
    doc.text(cells[i] ?? "", c.x + CELL_PAD, top + CELL_PAD, {
      width: c.width - 2 * CELL_PAD,
      align: style.center ? "center" : c.align,
      lineGap: 0.5,
    });
  }
  doc.lineWidth(1);
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/**
 * Place and date, the signatory's title, room for the wet or electronic signature, the name and NIP
 * on the right; the QR code to the verification page on the left. Kept together on one page.
 */
function signature(doc: Doc, model: Announcement, qr: Buffer): void {
  const qrSize = 84;
  const colX = MARGIN.left + CONTENT_WIDTH * 0.5;
  const colWidth = CONTENT_WIDTH * 0.5;
  const { title, name, nip } = model.signatory;
  doc.font("body").fontSize(BODY_SIZE);
  const lineH = doc.currentLineHeight(true);
  const blockHeight = lineH * (title.length + 3) + 60;
  ensureSpace(doc, Math.max(blockHeight, qrSize + 40) + 10);

  const top = doc.y + 6;
  doc.text(model.placeDate, colX, top, { width: colWidth, align: "center" });
  for (const line of title) doc.text(line, colX, doc.y, { width: colWidth, align: "center" });
  const nameY = doc.y + 56;
  doc.font("bold").text(name, colX, nameY, { width: colWidth, align: "center", underline: true });
  if (nip) doc.font("body").text(nip, colX, doc.y, { width: colWidth, align: "center" });
  const bottom = doc.y;

  const qrX = MARGIN.left + 8;
  const qrY = top + 4;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc
    .font("body")
    .fontSize(7.5)
    .fillColor(GREY)
    .text(model.verify.caption, MARGIN.left, qrY + qrSize + 4, { width: qrSize + 16, align: "center" })
    .fillColor(INK);

  doc.x = MARGIN.left;
  doc.y = Math.max(bottom, doc.y) + 8;
}

/** "Halaman 1 dari 3" and the document number at the foot of every page, once the count is known. */
function footers(doc: Doc, model: Announcement): void {
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = range.start; i < range.start + pages; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page; lift it for the footer.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - MARGIN.bottom + 22;
    doc
      .lineWidth(0.4)
      .strokeColor(GREY)
      .moveTo(MARGIN.left, y - 6)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y - 6)
      .stroke();
    doc.font("body").fontSize(7.5).fillColor(GREY);
    doc.text(model.number, MARGIN.left, y, { width: CONTENT_WIDTH * 0.65, lineBreak: false });
    const label = fillTemplate(model.pageTemplate, { page: i - range.start + 1, pages });
    doc.text(label, MARGIN.left + CONTENT_WIDTH * 0.65, y, {
      width: CONTENT_WIDTH * 0.35,
      align: "right",
      lineBreak: false,
    });
    doc.fillColor(INK).strokeColor(INK).lineWidth(1);
    doc.page.margins.bottom = saved;
  }
}
