/**
 * Every word a user reads comes from the catalogues (functions/src/domain/i18n/): the functions'
 * processes and documents hold no sentence of their own. A string literal that reads like words
 * ("Disalin dari …", "Ketua Panitia Seleksi …") in these files fails here; texts for developers
 * (`new Error(...)`, log lines) and import paths are not shown to users and may stay.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const FILES = [
  "functions/src/process/drafts.ts",
  "functions/src/documents/issueAnnouncement.ts",
  "functions/src/documents/issueStep.ts",
  "functions/src/documents/pipeline.ts",
];
/** Two words in a row: what a sentence has and an id, a path or a field name has not. */
const WORDS = /\p{L}[\p{L}.,:]*\s+[\p{L}(]/u;
const FOR_DEVELOPERS = new Set(["Error", "TypeError", "RangeError"]);

/** The literal texts of a source that could reach a user, with their line numbers. */
function userStrings(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const forDevelopers = (node: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
      if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && FOR_DEVELOPERS.has(n.expression.getText(source)))
        return true;
      if (ts.isCallExpression(n) && /^(console|logger)\./.test(n.expression.getText(source))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    const parts: string[] = [];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) parts.push(node.text);
    if (ts.isTemplateExpression(node)) parts.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    if (parts.some((p) => WORDS.test(p)) && !forDevelopers(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${fileName}:${line + 1}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no user-visible text outside the catalogues", () => {
  it.each(FILES)("%s", (file) => {
    expect(userStrings(file, readFileSync(join(root, file), "utf8"))).toEqual([]);
  });

  it("catches a sentence in a literal or a template, and lets developers' errors be", () => {
    const sample = [
      'import { x } from "./some module.js";',
      "const a = `Disalin dari ${id}`;",
      'const b = { title: "Ketua Panitia Seleksi" };',
      'const c = "pengumuman-" + id + ".pdf";',
      "throw new Error(`selections/${id} does not match the stored schema`);",
    ].join("\n");
    expect(userStrings("sample.ts", sample)).toEqual([
      "sample.ts:2: `Disalin dari ${id}`",
      'sample.ts:3: "Ketua Panitia Seleksi"',
    ]);
  });
});
