/**
 * Routes, grouped by who uses them. Every screen is its own lazily loaded chunk, so a candidate on
 * a cheap phone downloads the public page and nothing of the pansel's or the officials' screens.
 */
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from "preact-iso";
import { LocaleProvider } from "./i18n/i18n";
import { Layout } from "./ui/Layout";
import { RequireSession } from "./ui/RequireSession";
import { NotFound } from "./screens/public/NotFound";
// The two pages people land on come with the app's first script: one round trip less before the
// first paint on a slow network (Lighthouse's LCP, see README), for a few KB.
import { PublicHome } from "./screens/public/PublicHome";
import { SignIn } from "./screens/public/SignIn";

const SelectionPage = lazy(() => import("./screens/public/SelectionPage").then((m) => m.SelectionPage));
const VerifyDocument = lazy(() => import("./screens/public/VerifyDocument").then((m) => m.VerifyDocument));
const SignUp = lazy(() => import("./screens/public/SignUp").then((m) => m.SignUp));
const CandidateHome = lazy(() => import("./screens/candidate/CandidateHome").then((m) => m.CandidateHome));
const ProfileEdit = lazy(() => import("./screens/candidate/profile/ProfileEdit").then((m) => m.ProfileEdit));
const ApplyStart = lazy(() => import("./screens/candidate/ApplyStart").then((m) => m.ApplyStart));
const ApplicationScreen = lazy(() => import("./screens/candidate/ApplicationScreen").then((m) => m.ApplicationScreen));
const OperatorHome = lazy(() => import("./screens/official/OperatorHome").then((m) => m.OperatorHome));
const PejabatHome = lazy(() => import("./screens/official/PejabatHome").then((m) => m.PejabatHome));
const SelectionManage = lazy(() => import("./screens/official/SelectionManage").then((m) => m.SelectionManage));
const SetupWizard = lazy(() => import("./screens/official/setup/SetupWizard").then((m) => m.SetupWizard));
const VerifyQueue = lazy(() => import("./screens/official/VerifyQueue").then((m) => m.VerifyQueue));
const VerifyApplication = lazy(() => import("./screens/official/VerifyApplication").then((m) => m.VerifyApplication));
const ObjectionsScreen = lazy(() => import("./screens/official/ObjectionsScreen").then((m) => m.ObjectionsScreen));
const PpkChoiceScreen = lazy(() => import("./screens/official/ppk/PpkChoiceScreen").then((m) => m.PpkChoiceScreen));
const RankingScreen = lazy(() => import("./screens/official/ranking/RankingScreen").then((m) => m.RankingScreen));
const SignMinutes = lazy(() => import("./screens/pansel/SignMinutes").then((m) => m.SignMinutes));
const AssessmentImport = lazy(() => import("./screens/official/AssessmentImport").then((m) => m.AssessmentImport));
const PanselHome = lazy(() => import("./screens/pansel/PanselHome").then((m) => m.PanselHome));
const ScoringList = lazy(() => import("./screens/pansel/ScoringList").then((m) => m.ScoringList));
const ScoreForm = lazy(() => import("./screens/pansel/ScoreForm").then((m) => m.ScoreForm));
const ReopenScore = lazy(() => import("./screens/pansel/ReopenScore").then((m) => m.ReopenScore));
const DeclareConflicts = lazy(() => import("./screens/pansel/DeclareConflicts").then((m) => m.DeclareConflicts));

/** A page that sharePage rendered on the server: its screen loads before the app's first render. */
export const preloadRenderedPage = () => SelectionPage.preload();

export function App() {
  return (
    <LocaleProvider>
      <LocationProvider>
        <Layout>
          <ErrorBoundary>
            <Router>
              <Route path="/" component={PublicHome} />
              <Route path="/seleksi/:id" component={SelectionPage} />
              <Route path="/verifikasi/:id" component={VerifyDocument} />
              <Route path="/masuk" component={SignIn} />
              <Route path="/daftar" component={SignUp} />
              <Route path="/peserta" component={() => <RequireSession screen={CandidateHome} />} />
              <Route path="/peserta/profil" component={() => <RequireSession screen={ProfileEdit} />} />
              <Route
                path="/peserta/lamar/:selectionId/:postId"
                component={() => <RequireSession screen={ApplyStart} />}
              />
              <Route
                path="/peserta/lamaran/:applicationId"
                component={() => <RequireSession screen={ApplicationScreen} />}
              />
              {/* Older links (e-mails) to the documents and the status: the same screen, at that part. */}
              <Route
                path="/peserta/lamaran/:applicationId/dokumen"
                component={() => <RequireSession screen={ApplicationScreen} />}
              />
              <Route path="/operator" component={() => <RequireSession role="operator" screen={OperatorHome} />} />
              <Route path="/pejabat" component={() => <RequireSession role="pejabat" screen={PejabatHome} />} />
              <Route
                path="/kelola/:id"
                component={() => <RequireSession role={["operator", "pejabat"]} screen={SelectionManage} />}
              />
              <Route
                path="/kelola/:id/atur"
                component={() => <RequireSession role="operator" screen={SetupWizard} />}
              />
              <Route
                path="/kelola/:id/verifikasi"
                component={() => <RequireSession role="operator" screen={VerifyQueue} />}
              />
              <Route
                path="/kelola/:id/verifikasi/:applicationId"
                component={() => <RequireSession role="operator" screen={VerifyApplication} />}
              />
              <Route
                path="/peserta/lamaran/:applicationId/status"
                component={() => <RequireSession screen={ApplicationScreen} />}
              />
              <Route
                path="/kelola/:id/sanggah"
                component={() => <RequireSession role="operator" screen={ObjectionsScreen} />}
              />
              <Route
                path="/kelola/:id/pilihan-ppk"
                component={() => <RequireSession role={["operator", "pejabat"]} screen={PpkChoiceScreen} />}
              />
              <Route
                path="/kelola/:id/peringkat"
                component={() => <RequireSession role={["operator", "pejabat", "pansel"]} screen={RankingScreen} />}
              />
              <Route
                path="/kelola/:id/impor"
                component={() => <RequireSession role="operator" screen={AssessmentImport} />}
              />
              <Route path="/pansel" component={() => <RequireSession role="pansel" screen={PanselHome} />} />
              <Route
                path="/pansel/:selectionId/nilai"
                component={() => <RequireSession role="pansel" screen={ScoringList} />}
              />
              <Route
                path="/pansel/:selectionId/nilai/:applicationId/:componentId"
                component={() => <RequireSession role="pansel" screen={ScoreForm} />}
              />
              <Route
                path="/pansel/:id/tanda-tangan/:stage"
                component={() => <RequireSession role="pansel" screen={SignMinutes} />}
              />
              <Route
                path="/pansel/:selectionId/buka-kembali/:scoreId"
                component={() => <RequireSession role="pansel" screen={ReopenScore} />}
              />
              <Route
                path="/pansel/:selectionId/konflik/:postId"
                component={() => <RequireSession role="pansel" screen={DeclareConflicts} />}
              />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </Layout>
      </LocationProvider>
    </LocaleProvider>
  );
}
