/**
 * The setup wizard's form model, pure: what the operator typed (numbers and dates as text), the
 * conversion to a SelectionSetup for the checks and for the draft, and the problems of inputs the
 * schema cannot take.
 *
 * Bad input never loses data: the form keeps every character typed. A draft must still parse as a
 * stored selection (otherwise the selection would vanish from every screen that reads it), so an
 * input the schema cannot take is not written: the draft keeps the value saved before for that item
 * (matched by row key, not by position), or the default for an item not saved yet, and the input
 * shows why. A new item whose required text is missing (a post without a name) is held back until it
 * has one. The checks see the same values the draft would get, so what the wizard says matches what
 * the functions will say.
 */
import type { Issue, IssueParams } from "@domain/issue";
import type { MessageKey } from "@domain/i18n/messages";
import type { Golongan } from "@domain/ranks";
import { STAGES, type Stage } from "@domain/stages";
import type { JPT_LEVELS, PANSEL_ORIGINS, PANSEL_POSITIONS } from "@domain/schemas/documents";
import { DEFAULT_DOCUMENTS, DEFAULT_RUBRIC_LEVELS, defaultRequirements } from "@domain/selection/defaults";
import {
  SCHEDULED_STAGES,
  type DocumentRequirement,
  type EDUCATION_LEVELS,
  type FILE_FORMATS,
  type PanselMember,
  type PublishScores,
  type ScheduledStage,
  type ScoringComponent,
  type SelectionSetup,
  type SetupPost,
} from "@domain/selection/setup";
import { normaliseStagesUsed } from "@domain/selection/stageMachine";
import type { RegulationProfile } from "@domain/regulation/profile";
import type { OpenToRule, OpenToScope } from "@domain/eligibility/openTo";
import { DEFAULT_PROFILE } from "@domain/regulation/profiles";

export type JptLevel = (typeof JPT_LEVELS)[number];
export type Education = (typeof EDUCATION_LEVELS)[number];
export type FileFormat = (typeof FILE_FORMATS)[number];
export type Origin = (typeof PANSEL_ORIGINS)[number];
export type Position = (typeof PANSEL_POSITIONS)[number];
export type Rubric = NonNullable<ScoringComponent["rubric"]>;
export type Indicator = Rubric["indicators"][number];
export type RubricLevel = Rubric["levels"][number];

/** Each list row carries a key of its own: ids can be edited by nobody, but rows move and vanish. */
export interface DocumentForm {
  readonly key: string;
  id: string;
  label: string;
  required: boolean;
  formats: FileFormat[];
  maxSizeKb: string;
}

export interface PostForm {
  readonly key: string;
  id: string;
  name: string;
  opd: string;
  level: JptLevel;
  minGolongan: Golongan;
  minEducation: Education;
  minYearsInPost: string;
  minYearsRelevant: string;
  maxAge: string;
  extraConditions: string[];
  documents: DocumentForm[];
}

export interface ComponentForm {
  readonly key: string;
  id: string;
  label: string;
  weight: string;
  stage: ScheduledStage;
  scaleMin: string;
  scaleMax: string;
  /** Empty: no minimum. */
  minScore: string;
  /**
   * Scored by rubric. Turned off, the indicators and levels stay in the form (turning it on again
   * brings them back) but the draft is written without a rubric.
   */
  rubricOn: boolean;
  indicators: IndicatorForm[];
  levels: LevelForm[];
  /** Not edited in the wizard (yet); carried through unchanged. */
  /** Empty: everyone above the minimum score goes on. */
  advancePerPost: string;
}

/** What the pansel looks at in a rubric-scored component. */
export interface IndicatorForm {
  readonly key: string;
  id: string;
  label: string;
}

/** One score level of a rubric: what a score means. */
export interface LevelForm {
  readonly key: string;
  score: string;
  label: string;
  description: string;
}

export interface MemberForm {
  readonly key: string;
  name: string;
  origin: Origin;
  position: Position;
  affiliation: string;
  /** The member's account, linked elsewhere; kept as it is. */
  uid: string | undefined;
}

export interface SetupForm {
  title: string;
  year: string;
  legalBasis: string[];
  referenceDate: string;
  openTo: string;
  /** Who may apply (`openToRule`): "" while the setup has none. */
  openToScope: "" | OpenToScope;
  /** The government's or the province's name, for those scopes. */
  openToName: string;
  openToConditions: string[];
  regulationProfileId: string;
  stagesUsed: Stage[];
  /** A second operator confirms each MS/TMS decision (`secondVerifier`; absent is false). */
  secondVerifier: boolean;
  contact: { name: string; phone: string; email: string; address: string };
  posts: PostForm[];
  schedule: Record<ScheduledStage, { start: string; end: string }>;
  components: ComponentForm[];
  finalistsPerPost: string;
  /** What a stage's announced result shows of the scores (`scoringPlan.publishScores`; absent is "none"). */
  publishScores: PublishScores;
  pansel: MemberForm[];
}

/** What was last written, per row key: the values an input the schema cannot take falls back to. */
export interface Baseline {
  readonly setup: SelectionSetup;
  readonly posts: ReadonlyMap<string, SetupPost>;
  /** Keyed `${postKey}/${documentKey}`. */
  readonly documents: ReadonlyMap<string, DocumentRequirement>;
  readonly components: ReadonlyMap<string, ScoringComponent>;
  /** Keyed `${componentKey}/${indicatorKey}`. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** Keyed `${componentKey}/${levelKey}`. */
  readonly levels: ReadonlyMap<string, RubricLevel>;
  readonly pansel: ReadonlyMap<string, PanselMember>;
}

let counter = 0;
/** A row key unique within this page. */
export function rowKey(): string {
  counter += 1;
  return `r${counter}`;
}

/** An id for a new item, within the schema's `[a-z0-9-]{2,40}`. */
export function newId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
}

const text = (n: number) => String(n);

// ---------------------------------------------------------------------------------------------------
// From the stored setup to the form

export function fromSetup(setup: SelectionSetup): { form: SetupForm; baseline: Baseline } {
  const posts = new Map<string, SetupPost>();
  const documents = new Map<string, DocumentRequirement>();
  const components = new Map<string, ScoringComponent>();
  const indicators = new Map<string, Indicator>();
  const levels = new Map<string, RubricLevel>();
  const pansel = new Map<string, PanselMember>();

  const schedule = Object.fromEntries(
    SCHEDULED_STAGES.map((s) => [s, { start: setup.schedule[s]?.start ?? "", end: setup.schedule[s]?.end ?? "" }]),
  ) as SetupForm["schedule"];

  const form: SetupForm = {
    title: setup.title,
    year: text(setup.year),
    legalBasis: [...setup.legalBasis],
    referenceDate: setup.referenceDate,
    openTo: setup.openTo,
    openToScope: setup.openToRule?.scope ?? "",
    openToName: openToNameOf(setup.openToRule),
    openToConditions: [...(setup.openToRule?.conditions ?? [])],
    regulationProfileId: setup.regulationProfileId,
    stagesUsed: [...setup.stagesUsed],
    secondVerifier: setup.secondVerifier ?? false,
    contact: { ...setup.contact },
    posts: setup.posts.map((post) => {
      const key = rowKey();
      posts.set(key, post);
      const r = post.requirements;
      return {
        key,
        id: post.id,
        name: post.name,
        opd: post.opd,
        level: post.level,
        minGolongan: r.minGolongan,
        minEducation: r.minEducation,
        minYearsInPost: text(r.minYearsInPost),
        minYearsRelevant: text(r.minYearsRelevant),
        maxAge: text(r.maxAge),
        extraConditions: [...r.extraConditions],
        documents: r.documents.map((d) => {
          const docKey = rowKey();
          documents.set(`${key}/${docKey}`, d);
          return { ...documentForm(d), key: docKey };
        }),
      };
    }),
    schedule,
    components: setup.scoringPlan.components.map((c) => {
      const key = rowKey();
      components.set(key, c);
      return {
        key,
        id: c.id,
        label: c.label,
        weight: text(c.weight),
        stage: c.stage,
        scaleMin: text(c.scale.min),
        scaleMax: text(c.scale.max),
        minScore: c.minScore === undefined ? "" : text(c.minScore),
        rubricOn: c.rubric !== undefined,
        indicators: (c.rubric?.indicators ?? []).map((indicator) => {
          const form = { key: rowKey(), id: indicator.id, label: indicator.label };
          indicators.set(`${key}/${form.key}`, indicator);
          return form;
        }),
        levels: (c.rubric?.levels ?? []).map((level) => {
          const form = levelForm(level);
          levels.set(`${key}/${form.key}`, level);
          return form;
        }),
        advancePerPost: c.advancePerPost === undefined ? "" : text(c.advancePerPost),
      };
    }),
    finalistsPerPost: text(setup.scoringPlan.finalistsPerPost),
    publishScores: setup.scoringPlan.publishScores ?? "none",
    pansel: setup.pansel.map((m) => {
      const key = rowKey();
      pansel.set(key, m);
      return {
        key,
        name: m.name,
        origin: m.origin,
        position: m.position,
        affiliation: m.affiliation,
        uid: m.uid,
      };
    }),
  };
  return { form, baseline: { setup, posts, documents, components, indicators, levels, pansel } };
}

function levelForm(level: RubricLevel): LevelForm {
  return { key: rowKey(), score: text(level.score), label: level.label, description: level.description };
}

function documentForm(d: DocumentRequirement): DocumentForm {
  return {
    key: rowKey(),
    id: d.id,
    label: d.label,
    required: d.required,
    formats: [...d.formats],
    maxSizeKb: text(d.maxSizeKb),
  };
}

// ---------------------------------------------------------------------------------------------------
// New rows, from the defaults

export function newPost(maxAge: number): PostForm {
  const r = defaultRequirements(maxAge);
  return {
    key: rowKey(),
    id: newId("jabatan"),
    name: "",
    opd: "",
    level: "jptPratama",
    minGolongan: r.minGolongan,
    minEducation: r.minEducation,
    minYearsInPost: text(r.minYearsInPost),
    minYearsRelevant: text(r.minYearsRelevant),
    maxAge: text(r.maxAge),
    extraConditions: [...r.extraConditions],
    documents: DEFAULT_DOCUMENTS.map(documentForm),
  };
}

export function newDocument(): DocumentForm {
  return { key: rowKey(), id: newId("dokumen"), label: "", required: true, formats: ["pdf"], maxSizeKb: "1024" };
}

export function newComponent(stage: ScheduledStage): ComponentForm {
  return {
    key: rowKey(),
    id: newId("komponen"),
    label: "",
    weight: "0",
    stage,
    scaleMin: "0",
    scaleMax: "100",
    minScore: "",
    rubricOn: false,
    indicators: [],
    levels: [],
    advancePerPost: "",
  };
}

export function newIndicator(): IndicatorForm {
  return { key: rowKey(), id: newId("indikator"), label: "" };
}

export function newLevel(): LevelForm {
  return { key: rowKey(), score: "", label: "", description: "" };
}

/**
 * Turns a component's rubric on. A component that never had one starts from the usual four levels
 * when they fit its scale as typed (a 1–5 scale starts empty instead of with levels it would refuse).
 */
export function turnRubricOn(component: ComponentForm): void {
  component.rubricOn = true;
  if (component.indicators.length > 0 || component.levels.length > 0) return;
  const min = readNumber(component.scaleMin);
  const max = readNumber(component.scaleMax);
  if (min === undefined || max === undefined) return;
  if (DEFAULT_RUBRIC_LEVELS.every((l) => l.score >= min && l.score <= max)) {
    component.levels = DEFAULT_RUBRIC_LEVELS.map(levelForm);
  }
}

export function newMember(position: Position): MemberForm {
  return { key: rowKey(), name: "", origin: "akademisi", position, affiliation: "", uid: undefined };
}

// ---------------------------------------------------------------------------------------------------
// Reading numbers and dates as typed

/**
 * A number as people type it on a phone: "33,3" (the Indonesian decimal comma) or "33.3", with
 * spaces around. Undefined for anything else, including the empty string.
 */
export function readNumber(value: string): number | undefined {
  const v = value.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The stages with dates that this selection goes through, in process order. */
export function scheduledStagesUsed(stagesUsed: readonly Stage[]): ScheduledStage[] {
  const used = normaliseStagesUsed(stagesUsed);
  return SCHEDULED_STAGES.filter((s) => used.includes(s));
}

/** The stages used, in process order and without duplicates, whatever order they were ticked in. */
export function orderedStages(stagesUsed: readonly Stage[]): Stage[] {
  return STAGES.filter((s) => stagesUsed.includes(s));
}

// ---------------------------------------------------------------------------------------------------
// From the form to a setup

/** A problem of one input, shown beside it: the typed value cannot be saved as it is. */
export type InputProblem = Issue & { readonly field: string };

export interface Converted {
  /** Every row, for the checks: counts and sums include what is still being typed. */
  readonly check: SelectionSetup;
  /** Only what the schema takes: the draft to write. */
  readonly save: SelectionSetup;
  /** The rows in `save`, by row key, for the next baseline. */
  readonly saved: Omit<Baseline, "setup">;
  readonly problems: readonly InputProblem[];
  /** Rows left out of `save` (new and incomplete). */
  readonly heldBack: number;
  /**
   * The input a finding about `check` belongs to. A new rubric level whose score is not a number yet
   * is not in `check` (no score to check), so the levels after it sit one place earlier there.
   */
  readonly formField: (field: string) => string;
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

const RULES = {
  year: { min: 2000, max: 2100, integer: true },
  years: { min: 0, max: 40 },
  maxAge: { min: 30, max: 65, integer: true },
  maxSizeKb: { min: 50, max: 10_240, integer: true },
  weight: { min: 0, max: 100 },
  finalists: { min: 1, max: 10, integer: true },
  advance: { min: 1, max: 100, integer: true },
  any: {},
} as const satisfies Record<string, NumberRule>;

/** The schema's lengths of texts, after trimming: [min, max]. */
const LEN = {
  title: [3, 200],
  line: [0, 500],
  openTo: [0, 300],
  openToName: [2, 200],
  contactName: [0, 200],
  contactPhone: [0, 40],
  contactEmail: [0, 200],
  contactAddress: [0, 500],
  postName: [3, 300],
  opd: [2, 200],
  docLabel: [2, 200],
  componentLabel: [2, 200],
  indicatorLabel: [2, 300],
  levelLabel: [1, 100],
  levelDescription: [0, 1000],
  memberName: [3, 200],
  affiliation: [0, 300],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * `profile` gives the age limit a new post falls back to when its typed limit cannot be read; without
 * it, the JPT Pratama limit of the default profile.
 */
export function toSetup(form: SetupForm, baseline: Baseline, profile?: RegulationProfile): Converted {
  const problems: InputProblem[] = [];
  const problem = (field: string, code: MessageKey, params?: IssueParams) =>
    problems.push(params ? { field, code, params } : { field, code });
  let heldBack = 0;

  /** The typed number when the schema takes it, else `fallback`, with the reason beside the input. */
  const num = (field: string, value: string, rule: NumberRule, fallback: number): number => {
    const n = readNumber(value);
    if (n === undefined) {
      if (value.trim() === "") problem(field, "setup.required");
      else problem(field, "setup.notNumber", { value: value.trim() });
      return fallback;
    }
    const { min, max, integer } = rule;
    const outside = (min !== undefined && n < min) || (max !== undefined && n > max);
    if (outside || (integer && !Number.isInteger(n))) {
      problem(field, integer ? "setup.wholeNumber" : "setup.range", { min: min ?? "", max: max ?? "" });
      return fallback;
    }
    return n;
  };
  /** The trimmed text when its length is within the schema's, else undefined, with the reason beside the input. */
  const str = (field: string, value: string, [min, max]: readonly [number, number]): string | undefined => {
    const v = value.trim();
    if (v.length < min) {
      if (min === 1) problem(field, "setup.required");
      else problem(field, "setup.tooShort", { min });
    } else if (v.length > max) problem(field, "setup.tooLong", { max });
    else return v;
    return undefined;
  };
  /** Non-empty lines; undefined when one is too long (the list saved before stays). */
  const lines = (field: string, values: readonly string[]): string[] | undefined => {
    const kept = values.map((v, i) => str(`${field}.${i}`, v, LEN.line));
    return kept.every((v) => v !== undefined) ? kept.filter((v) => v !== "") : undefined;
  };

  const base = baseline.setup;
  const referenceOk = ISO_DATE.test(form.referenceDate);
  if (!referenceOk) problem("referenceDate", "setup.required");
  const contact = form.contact;

  const general = {
    title: str("title", form.title, LEN.title) ?? base.title,
    year: num("year", form.year, RULES.year, base.year),
    legalBasis: lines("legalBasis", form.legalBasis) ?? base.legalBasis,
    referenceDate: referenceOk ? form.referenceDate : base.referenceDate,
    openTo: str("openTo", form.openTo, LEN.openTo) ?? base.openTo,
    openToRule: openToRuleOf(form, base.openToRule, str, lines, problem),
    // Not edited by the wizard yet: what is stored stays.
    maxPostsPerCandidate: base.maxPostsPerCandidate,
    regulationProfileId: form.regulationProfileId,
    stagesUsed: orderedStages(form.stagesUsed),
    // Absent means off; a setup that never had the switch keeps it absent until it is turned on.
    ...(form.secondVerifier || base.secondVerifier !== undefined ? { secondVerifier: form.secondVerifier } : {}),
    contact: {
      name: str("contact.name", contact.name, LEN.contactName) ?? base.contact.name,
      phone: str("contact.phone", contact.phone, LEN.contactPhone) ?? base.contact.phone,
      email: str("contact.email", contact.email, LEN.contactEmail) ?? base.contact.email,
      address: str("contact.address", contact.address, LEN.contactAddress) ?? base.contact.address,
    },
  };

  // Posts and their documents
  const savedPosts = new Map<string, SetupPost>();
  const savedDocuments = new Map<string, DocumentRequirement>();
  const checkPosts: SetupPost[] = [];
  const savePosts: SetupPost[] = [];
  form.posts.forEach((p, i) => {
    const at = `posts.${i}`;
    const r = `${at}.requirements`;
    const before = baseline.posts.get(p.key);
    const was = before?.requirements ?? defaultRequirements((profile ?? DEFAULT_PROFILE).eligibility[p.level].maxAge);
    const name = str(`${at}.name`, p.name, LEN.postName) ?? before?.name;
    const opd = str(`${at}.opd`, p.opd, LEN.opd) ?? before?.opd;

    const checkDocs: DocumentRequirement[] = [];
    const saveDocs: DocumentRequirement[] = [];
    const docEntries: [string, DocumentRequirement][] = [];
    p.documents.forEach((d, j) => {
      const f = `${r}.documents.${j}`;
      const docKey = `${p.key}/${d.key}`;
      const prior = baseline.documents.get(docKey);
      const label = str(`${f}.label`, d.label, LEN.docLabel) ?? prior?.label;
      const maxSizeKb = num(`${f}.maxSizeKb`, d.maxSizeKb, RULES.maxSizeKb, prior?.maxSizeKb ?? 1024);
      const checked: DocumentRequirement = {
        id: d.id,
        label: d.label,
        required: d.required,
        formats: d.formats,
        maxSizeKb,
      };
      checkDocs.push(checked);
      // The formats' own message comes from the checks (err.setup.documentNoFormat).
      const formats = d.formats.length > 0 ? [...d.formats] : prior?.formats;
      if (formats === undefined || label === undefined) {
        heldBack += 1;
        return;
      }
      const saved = { ...checked, label, formats };
      saveDocs.push(saved);
      docEntries.push([docKey, saved]);
    });

    const requirements = {
      minGolongan: p.minGolongan,
      minEducation: p.minEducation,
      minYearsInPost: num(`${r}.minYearsInPost`, p.minYearsInPost, RULES.years, was.minYearsInPost),
      minYearsRelevant: num(`${r}.minYearsRelevant`, p.minYearsRelevant, RULES.years, was.minYearsRelevant),
      maxAge: num(`${r}.maxAge`, p.maxAge, RULES.maxAge, was.maxAge),
      extraConditions: lines(`${r}.extraConditions`, p.extraConditions) ?? was.extraConditions,
    };
    checkPosts.push({
      id: p.id,
      name: p.name,
      opd: p.opd,
      level: p.level,
      requirements: { ...requirements, documents: checkDocs },
    });
    if (name === undefined || opd === undefined) {
      heldBack += 1;
      return;
    }
    const saved: SetupPost = {
      id: p.id,
      name,
      opd,
      level: p.level,
      requirements: { ...requirements, documents: saveDocs },
    };
    savePosts.push(saved);
    savedPosts.set(p.key, saved);
    for (const [key, doc] of docEntries) savedDocuments.set(key, doc);
  });

  // Schedule: only the stages this selection uses; a half-filled pair keeps the dates saved before.
  const schedule: SelectionSetup["schedule"] = {};
  for (const stage of scheduledStagesUsed(form.stagesUsed)) {
    const { start, end } = form.schedule[stage];
    if (start === "" && end === "") continue;
    if (ISO_DATE.test(start) && ISO_DATE.test(end)) {
      schedule[stage] = { start, end };
      continue;
    }
    problem(`schedule.${stage}`, "setup.datePartial");
    const before = base.schedule[stage];
    if (before) schedule[stage] = before;
  }

  // Scoring plan
  const savedComponents = new Map<string, ScoringComponent>();
  const savedIndicators = new Map<string, Indicator>();
  const savedLevels = new Map<string, RubricLevel>();
  const checkComponents: ScoringComponent[] = [];
  const saveComponents: ScoringComponent[] = [];
  /** Per component with levels left out of `check`: the form's index of each level in `check`. */
  const levelsInCheck = new Map<number, number[]>();

  /** The rubric as checked and as saved; the rows saved, for the next baseline. */
  const rubricOf = (c: ComponentForm, at: string) => {
    const check: Rubric = { indicators: [], levels: [] };
    const save: Rubric = { indicators: [], levels: [] };
    const entries: { indicators: [string, Indicator][]; levels: [string, RubricLevel][] } = {
      indicators: [],
      levels: [],
    };
    c.indicators.forEach((x, j) => {
      const key = `${c.key}/${x.key}`;
      const prior = baseline.indicators.get(key);
      const label = str(`${at}.rubric.indicators.${j}.label`, x.label, LEN.indicatorLabel) ?? prior?.label;
      check.indicators.push({ id: x.id, label: x.label });
      if (label === undefined) {
        heldBack += 1;
        return;
      }
      const saved = { id: x.id, label };
      save.indicators.push(saved);
      entries.indicators.push([key, saved]);
    });
    const inCheck: number[] = [];
    c.levels.forEach((l, j) => {
      const f = `${at}.rubric.levels.${j}`;
      const key = `${c.key}/${l.key}`;
      const prior = baseline.levels.get(key);
      const typed = readNumber(l.score);
      if (typed === undefined) {
        if (l.score.trim() === "") problem(`${f}.score`, "setup.required");
        else problem(`${f}.score`, "setup.notNumber", { value: l.score.trim() });
      }
      const score = typed ?? prior?.score;
      const label = str(`${f}.label`, l.label, LEN.levelLabel) ?? prior?.label;
      const description = str(`${f}.description`, l.description, LEN.levelDescription) ?? prior?.description ?? "";
      if (score !== undefined) {
        check.levels.push({ score, label: l.label, description: l.description });
        inCheck.push(j);
      }
      if (score === undefined || label === undefined) {
        heldBack += 1;
        return;
      }
      const saved = { score, label, description };
      save.levels.push(saved);
      entries.levels.push([key, saved]);
    });
    return { check, save, entries, inCheck };
  };

  form.components.forEach((c, i) => {
    const at = `scoringPlan.components.${i}`;
    const before = baseline.components.get(c.key);
    const label = str(`${at}.label`, c.label, LEN.componentLabel) ?? before?.label;
    const weight = num(`${at}.weight`, c.weight, RULES.weight, before?.weight ?? 0);
    const min = num(`${at}.scale.min`, c.scaleMin, RULES.any, before?.scale.min ?? 0);
    const max = num(`${at}.scale.max`, c.scaleMax, RULES.any, before?.scale.max ?? 100);
    const component: ScoringComponent = { id: c.id, label: c.label, weight, stage: c.stage, scale: { min, max } };
    // Empty means no minimum. Firestore refuses `undefined` values, so an absent minimum is left out.
    if (c.minScore.trim() !== "") {
      const minScore = readNumber(c.minScore);
      if (minScore === undefined) problem(`${at}.minScore`, "setup.notNumber", { value: c.minScore.trim() });
      const kept = minScore ?? before?.minScore;
      if (kept !== undefined) component.minScore = kept;
    }
    // Empty means no cut-off by number; like the minimum score, an absent value is left out.
    if (c.advancePerPost.trim() !== "") {
      const kept = num(`${at}.advancePerPost`, c.advancePerPost, RULES.advance, before?.advancePerPost ?? 0);
      if (kept > 0) component.advancePerPost = kept;
    }
    const rubric = c.rubricOn ? rubricOf(c, at) : undefined;
    if (rubric) {
      component.rubric = rubric.check;
      if (rubric.inCheck.length < c.levels.length) levelsInCheck.set(i, rubric.inCheck);
    }
    checkComponents.push(component);
    if (label === undefined) {
      heldBack += 1;
      return;
    }
    const saved: ScoringComponent = { ...component, label };
    if (rubric) {
      saved.rubric = rubric.save;
      for (const [key, indicator] of rubric.entries.indicators) savedIndicators.set(key, indicator);
      for (const [key, level] of rubric.entries.levels) savedLevels.set(key, level);
    }
    saveComponents.push(saved);
    savedComponents.set(c.key, saved);
  });
  const formField = (field: string): string => {
    const m = /^scoringPlan\.components\.(\d+)\.rubric\.levels\.(\d+)(.*)$/.exec(field);
    const map = m && levelsInCheck.get(Number(m[1]));
    if (!m || !map) return field;
    return `scoringPlan.components.${m[1]}.rubric.levels.${map[Number(m[2])] ?? m[2]}${m[3]}`;
  };
  const finalistsPerPost = num(
    "scoringPlan.finalistsPerPost",
    form.finalistsPerPost,
    RULES.finalists,
    base.scoringPlan.finalistsPerPost,
  );
  // Written only once chosen, so a setup saved before the field existed saves unchanged.
  const publishScores =
    form.publishScores !== "none" || base.scoringPlan.publishScores !== undefined
      ? { publishScores: form.publishScores }
      : {};

  // Pansel
  const savedMembers = new Map<string, PanselMember>();
  const checkPansel: PanselMember[] = [];
  const savePansel: PanselMember[] = [];
  form.pansel.forEach((m, i) => {
    const before = baseline.pansel.get(m.key);
    const name = str(`pansel.${i}.name`, m.name, LEN.memberName) ?? before?.name;
    const affiliation = str(`pansel.${i}.affiliation`, m.affiliation, LEN.affiliation) ?? before?.affiliation ?? "";
    const member: PanselMember = { name: m.name, origin: m.origin, position: m.position, affiliation: m.affiliation };
    if (m.uid !== undefined) member.uid = m.uid;
    checkPansel.push(member);
    if (name === undefined) {
      heldBack += 1;
      return;
    }
    const saved = { ...member, name, affiliation };
    savePansel.push(saved);
    savedMembers.set(m.key, saved);
  });

  const check: SelectionSetup = {
    ...general,
    posts: checkPosts,
    schedule,
    scoringPlan: { components: checkComponents, finalistsPerPost, ...publishScores },
    pansel: checkPansel,
  };
  const save: SelectionSetup = {
    ...general,
    posts: savePosts,
    schedule,
    // The schema asks for at least one component: with none left, the plan saved before stays.
    scoringPlan:
      saveComponents.length > 0
        ? { components: saveComponents, finalistsPerPost, ...publishScores }
        : { ...base.scoringPlan, finalistsPerPost, ...publishScores },
    pansel: savePansel,
  };
  return {
    check,
    save,
    saved: {
      posts: savedPosts,
      documents: savedDocuments,
      components: savedComponents,
      indicators: savedIndicators,
      levels: savedLevels,
      pansel: savedMembers,
    },
    problems,
    heldBack,
    formField,
  };
}

/** The name field of a scope: its finding path is the rule's own field, as the schema names it. */
export const openToNameField = (scope: OpenToScope): string =>
  scope === "instansi" ? "openToRule.instansiName" : "openToRule.province";

function openToNameOf(rule: OpenToRule | null): string {
  if (rule?.scope === "instansi") return rule.instansiName;
  if (rule?.scope === "province") return rule.province;
  return "";
}

/** The rule from the form; a name the schema cannot take keeps the rule saved before, with the reason. */
function openToRuleOf(
  form: SetupForm,
  before: OpenToRule | null,
  str: (field: string, value: string, len: readonly [number, number]) => string | undefined,
  lines: (field: string, values: readonly string[]) => string[] | undefined,
  problem: (field: string, code: MessageKey) => void,
): OpenToRule | null {
  const scope = form.openToScope;
  if (scope === "") return null;
  const conditions = lines("openToRule.conditions", form.openToConditions) ?? before?.conditions ?? [];
  if (scope === "national") return { scope, conditions };
  const field = openToNameField(scope);
  let name: string | undefined;
  if (form.openToName.trim() === "") problem(field, "err.openTo.nameRequired");
  else name = str(field, form.openToName, LEN.openToName);
  if (name === undefined) return before;
  return scope === "instansi" ? { scope, instansiName: name, conditions } : { scope, province: name, conditions };
}

// ---------------------------------------------------------------------------------------------------
// Steps

export const STEPS = ["umum", "jabatan", "jadwal", "penilaian", "pansel", "periksa"] as const;
export type StepId = (typeof STEPS)[number];

/** The fields of the setup each step writes. */
export const STEP_FIELDS = {
  umum: [
    "title",
    "year",
    "legalBasis",
    "referenceDate",
    "openTo",
    "openToRule",
    "regulationProfileId",
    "stagesUsed",
    "secondVerifier",
    "contact",
    // Which dates are kept depends on the stages used.
    "schedule",
  ],
  jabatan: ["posts"],
  jadwal: ["schedule"],
  penilaian: ["scoringPlan"],
  pansel: ["pansel"],
  periksa: [],
} as const satisfies Record<StepId, readonly (keyof SelectionSetup)[]>;

/** The step where the input of a finding's `field` is. */
export function stepOfField(field: string | undefined): StepId {
  const head = (field ?? "").split(".")[0];
  if (head === "posts") return "jabatan";
  if (head === "schedule") return "jadwal";
  if (head === "scoringPlan") return "penilaian";
  if (head === "pansel") return "pansel";
  return "umum";
}

/** What a draft write holds: some setup fields, and the pansel's accounts with its members. */
export type DraftPart = Partial<SelectionSetup> & { panselUids?: string[] };

/** The part of a draft that the given steps write. */
export function draftPart(setup: SelectionSetup, steps: Iterable<StepId>): DraftPart {
  const part: Record<string, unknown> = {};
  for (const step of steps) {
    // An optional field left absent stays out: the callable would turn undefined into null.
    for (const field of STEP_FIELDS[step]) if (setup[field] !== undefined) part[field] = setup[field];
    // The rules give a member read access through panselUids; it follows the members listed.
    if (step === "pansel") part["panselUids"] = setup.pansel.flatMap((m) => (m.uid ? [m.uid] : []));
  }
  return part;
}

/** The next baseline after `steps` were written from `converted`. */
export function nextBaseline(baseline: Baseline, converted: Converted, steps: ReadonlySet<StepId>): Baseline {
  return {
    setup: { ...baseline.setup, ...draftPart(converted.save, steps) },
    posts: steps.has("jabatan") ? converted.saved.posts : baseline.posts,
    documents: steps.has("jabatan") ? converted.saved.documents : baseline.documents,
    components: steps.has("penilaian") ? converted.saved.components : baseline.components,
    indicators: steps.has("penilaian") ? converted.saved.indicators : baseline.indicators,
    levels: steps.has("penilaian") ? converted.saved.levels : baseline.levels,
    pansel: steps.has("pansel") ? converted.saved.pansel : baseline.pansel,
  };
}
