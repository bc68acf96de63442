import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { preloadEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { LoadingState } from '@/components/page-state.tsx';
import { bootSpace } from './boot-space.ts';
import { PageErrorBoundary } from './page-error-boundary.tsx';
import { registerServiceWorkerAfter } from './register-service-worker.ts';
import { RequireAuth } from './routes/require-auth.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SpaceLayout } from './routes/space-layout.tsx';

/**
 * A page loaded when first opened: the entry chunk holds only the layouts and guards, and each
 * page (with the libraries only it uses: dnd-kit for goals, recharts for check-in trends, the
 * diff for boundaries) is its own chunk. Vite fetches a page's chunk and its dependencies in
 * one round; the service worker precaches them all, so every page still opens offline.
 *
 * React Router's declarative mode (BrowserRouter, Routes) rather than its data router: nothing
 * here uses loaders or actions, and the data router is about 53 KB more of the first screen's
 * minified JavaScript (issue 20). Navigations are React transitions, so the page being left
 * stays on screen until the next page's chunk has arrived, as the data router's lazy routes did.
 */
const page = <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  lazy(async () => ({ default: pick(await load()) }));

// Opening a space's page straight away (a reload, a link, the home screen icon): start its
// chunks now, alongside /api/me and IndexedDB, rather than after the space has opened. The
// editor (TipTap, ProseMirror, y-prosemirror: half the app) is needed by most space pages.
const loadUsLetter = () => import('./routes/us-letter-route.tsx');
if (location.pathname.startsWith('/spaces/')) preloadEditor();
registerServiceWorkerAfter(bootSpace(location.pathname));
if (location.pathname.endsWith('/us-letter')) void loadUsLetter();

const LoginRoute = page(
  () => import('./routes/login-route.tsx'),
  (m) => m.LoginRoute,
);
const SignupRoute = page(
  () => import('./routes/signup-route.tsx'),
  (m) => m.SignupRoute,
);
const JoinRoute = page(
  () => import('./routes/join-route.tsx'),
  (m) => m.JoinRoute,
);
const HelpRoute = page(
  () => import('./routes/help-route.tsx'),
  (m) => m.HelpRoute,
);
const ForgotPasswordRoute = page(
  () => import('./routes/forgot-password-route.tsx'),
  (m) => m.ForgotPasswordRoute,
);
const ResetPasswordRoute = page(
  () => import('./routes/reset-password-route.tsx'),
  (m) => m.ResetPasswordRoute,
);
const VerifyEmailRoute = page(
  () => import('./routes/verify-email-route.tsx'),
  (m) => m.VerifyEmailRoute,
);
const GoodbyeRoute = page(
  () => import('./routes/goodbye-route.tsx'),
  (m) => m.GoodbyeRoute,
);
const HomeRoute = page(
  () => import('./routes/home-route.tsx'),
  (m) => m.HomeRoute,
);
const AccountRoute = page(
  () => import('./routes/account-route.tsx'),
  (m) => m.AccountRoute,
);
const LeftSpaceRoute = page(
  () => import('./routes/left-space-route.tsx'),
  (m) => m.LeftSpaceRoute,
);
const UsLetterHistoryRoute = page(
  () => import('./routes/us-letter-history-route.tsx'),
  (m) => m.UsLetterHistoryRoute,
);
const NotesRoute = page(
  () => import('./routes/notes-route.tsx'),
  (m) => m.NotesRoute,
);
const NotesHistoryRoute = page(
  () => import('./routes/notes-history-route.tsx'),
  (m) => m.NotesHistoryRoute,
);
const BoundariesRoute = page(
  () => import('./routes/boundaries-route.tsx'),
  (m) => m.BoundariesRoute,
);
const BoundaryRoute = page(
  () => import('./routes/boundary-route.tsx'),
  (m) => m.BoundaryRoute,
);
const BoundaryHistoryRoute = page(
  () => import('./routes/boundary-history-route.tsx'),
  (m) => m.BoundaryHistoryRoute,
);
const GoalsRoute = page(
  () => import('./routes/goals-route.tsx'),
  (m) => m.GoalsRoute,
);
const GoalRoute = page(
  () => import('./routes/goal-route.tsx'),
  (m) => m.GoalRoute,
);
const GoalHistoryRoute = page(
  () => import('./routes/goal-history-route.tsx'),
  (m) => m.GoalHistoryRoute,
);
const LetterDraftHistoryRoute = page(
  () => import('./routes/letter-draft-history-route.tsx'),
  (m) => m.LetterDraftHistoryRoute,
);
const LettersRoute = page(
  () => import('./routes/letters-route.tsx'),
  (m) => m.LettersRoute,
);
const CheckinsRoute = page(
  () => import('./routes/checkins-route.tsx'),
  (m) => m.CheckinsRoute,
);
const PromisesRoute = page(
  () => import('./routes/promises-route.tsx'),
  (m) => m.PromisesRoute,
);
const AppreciationsRoute = page(
  () => import('./routes/appreciations-route.tsx'),
  (m) => m.AppreciationsRoute,
);
const WinsRoute = page(
  () => import('./routes/wins-route.tsx'),
  (m) => m.WinsRoute,
);
const TalksRoute = page(
  () => import('./routes/talks-route.tsx'),
  (m) => m.TalksRoute,
);
const TalkRoute = page(
  () => import('./routes/talk-route.tsx'),
  (m) => m.TalkRoute,
);
const RepairsRoute = page(
  () => import('./routes/repairs-route.tsx'),
  (m) => m.RepairsRoute,
);
const RepairRoute = page(
  () => import('./routes/repair-route.tsx'),
  (m) => m.RepairRoute,
);
const ForgivenessRoute = page(
  () => import('./routes/forgiveness-route.tsx'),
  (m) => m.ForgivenessRoute,
);
const ReassuranceRoute = page(
  () => import('./routes/reassurance-route.tsx'),
  (m) => m.ReassuranceRoute,
);
const JournalRoute = page(
  () => import('./routes/journal-route.tsx'),
  (m) => m.JournalRoute,
);
const SpaceSettingsRoute = page(
  () => import('./routes/space-settings-route.tsx'),
  (m) => m.SpaceSettingsRoute,
);
const PrintRoute = page(
  () => import('./routes/print-route.tsx'),
  (m) => m.PrintRoute,
);
const NotFoundRoute = page(
  () => import('./routes/not-found-route.tsx'),
  (m) => m.NotFoundRoute,
);
const SpaceHomeRoute = page(
  () => import('./routes/space-home-route.tsx'),
  (m) => m.SpaceHomeRoute,
);
const UsLetterRoute = page(loadUsLetter, (m) => m.UsLetterRoute);

/** Every page, under the header; a page that fails to render (or to load) shows RouteError. */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    // Another address clears the error, as the data router's errorElement did.
    <PageErrorBoundary fallback={<RouteError />} resetKey={pathname}>
      {/* Shown on the very first load until the page's chunk has arrived (a moment on a slow phone). */}
      <Suspense
        fallback={
          <main className="main">
            <LoadingState label="Opening Twofold…" />
          </main>
        }
      >
        <Routes>
          <Route element={<RootLayout />}>
            <Route path="/login" element={<LoginRoute />} />
            <Route path="/signup" element={<SignupRoute />} />
            <Route path="/join/:code" element={<JoinRoute />} />
            <Route path="/help" element={<HelpRoute />} />
            <Route path="/forgot-password" element={<ForgotPasswordRoute />} />
            <Route path="/reset-password" element={<ResetPasswordRoute />} />
            <Route path="/verify-email" element={<VerifyEmailRoute />} />
            <Route path="/goodbye" element={<GoodbyeRoute />} />
            <Route element={<RequireAuth />}>
              <Route path="/" element={<HomeRoute />} />
              <Route path="/account" element={<AccountRoute />} />
              <Route path="/left" element={<LeftSpaceRoute />} />
              <Route path="/spaces/:spaceId" element={<SpaceLayout />}>
                <Route index element={<SpaceHomeRoute />} />
                <Route path="us-letter" element={<UsLetterRoute />} />
                <Route path="us-letter/history" element={<UsLetterHistoryRoute />} />
                <Route path="notes" element={<NotesRoute />} />
                <Route path="notes/history" element={<NotesHistoryRoute />} />
                <Route path="boundaries" element={<BoundariesRoute />} />
                <Route path="boundaries/:boundaryId" element={<BoundaryRoute />} />
                <Route path="boundaries/:boundaryId/history" element={<BoundaryHistoryRoute />} />
                <Route path="goals" element={<GoalsRoute />} />
                <Route path="goals/:goalId" element={<GoalRoute />} />
                <Route path="goals/:goalId/history" element={<GoalHistoryRoute />} />
                <Route path="letters/drafts/:draftId/history" element={<LetterDraftHistoryRoute />} />
                <Route path="letters/*" element={<LettersRoute />} />
                <Route path="checkins" element={<CheckinsRoute />} />
                <Route path="promises" element={<PromisesRoute />} />
                <Route path="appreciations" element={<AppreciationsRoute />} />
                <Route path="wins" element={<WinsRoute />} />
                <Route path="talks" element={<TalksRoute />} />
                <Route path="talks/:talkId" element={<TalkRoute />} />
                <Route path="repair" element={<RepairsRoute />} />
                <Route path="repair/:repairId" element={<RepairRoute />} />
                <Route path="forgiveness" element={<ForgivenessRoute />} />
                <Route path="reassurance" element={<ReassuranceRoute />} />
                <Route path="journal" element={<JournalRoute />} />
                <Route path="settings" element={<SpaceSettingsRoute />} />
                <Route path="print" element={<PrintRoute />} />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundRoute />} />
          </Route>
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}
