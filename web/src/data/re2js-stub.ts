/**
 * Stands in for the `re2js` package in the web build (see vite.config.ts). The Firestore SDK needs
 * RE2 only to evaluate the regex and LIKE functions of pipeline queries on the device; Seleksi runs
 * no pipeline queries, and the real package is about 45 KB gz of every signed-in screen. Should one
 * ever run, the SDK catches this error and reports the expression as an evaluation error.
 */
export class RE2JS {
  static compile(pattern: string): never {
    throw new Error(`re2js is not bundled: pipeline regex ${JSON.stringify(pattern)} cannot run on the device`);
  }
}
