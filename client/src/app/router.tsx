import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { preloadEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { LoadingState } from '@/components/page-state.tsx';
import { bootSpace } from './boot-space.ts';
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
 */
const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

// Opening a space's page straight away (a reload, a link, the home screen icon): start its
// chunks now, alongside /api/me and IndexedDB, rather than after the space has opened. The
// editor (TipTap, ProseMirror, y-prosemirror: half the app) is needed by most space pages.
const loadUsLetter = () => import('./routes/us-letter-route.tsx');
if (location.pathname.startsWith('/spaces/')) preloadEditor();
registerServiceWorkerAfter(bootSpace(location.pathname));
if (location.pathname.endsWith('/us-letter')) void loadUsLetter();

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    // Shown on the very first load until the page's chunk has arrived (a moment on a slow phone).
    hydrateFallbackElement: (
      <main className="main">
        <LoadingState label="Opening Twofold…" />
      </main>
    ),
    children: [
      {
        path: '/login',
        lazy: page(
          () => import('./routes/login-route.tsx'),
          (m) => m.LoginRoute,
        ),
      },
      {
        path: '/signup',
        lazy: page(
          () => import('./routes/signup-route.tsx'),
          (m) => m.SignupRoute,
        ),
      },
      {
        path: '/join/:code',
        lazy: page(
          () => import('./routes/join-route.tsx'),
          (m) => m.JoinRoute,
        ),
      },
      {
        path: '/help',
        lazy: page(
          () => import('./routes/help-route.tsx'),
          (m) => m.HelpRoute,
        ),
      },
      {
        path: '/forgot-password',
        lazy: page(
          () => import('./routes/forgot-password-route.tsx'),
          (m) => m.ForgotPasswordRoute,
        ),
      },
      {
        path: '/reset-password',
        lazy: page(
          () => import('./routes/reset-password-route.tsx'),
          (m) => m.ResetPasswordRoute,
        ),
      },
      {
        path: '/verify-email',
        lazy: page(
          () => import('./routes/verify-email-route.tsx'),
          (m) => m.VerifyEmailRoute,
        ),
      },
      {
        path: '/goodbye',
        lazy: page(
          () => import('./routes/goodbye-route.tsx'),
          (m) => m.GoodbyeRoute,
        ),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: '/',
            lazy: page(
              () => import('./routes/home-route.tsx'),
              (m) => m.HomeRoute,
            ),
          },
          {
            path: '/account',
            lazy: page(
              () => import('./routes/account-route.tsx'),
              (m) => m.AccountRoute,
            ),
          },
          {
            path: '/left',
            lazy: page(
              () => import('./routes/left-space-route.tsx'),
              (m) => m.LeftSpaceRoute,
            ),
          },
          {
            path: '/spaces/:spaceId',
            element: <SpaceLayout />,
            children: [
              {
                index: true,
                lazy: page(
                  () => import('./routes/space-home-route.tsx'),
                  (m) => m.SpaceHomeRoute,
                ),
              },
              { path: 'us-letter', lazy: page(loadUsLetter, (m) => m.UsLetterRoute) },
              {
                path: 'us-letter/history',
                lazy: page(
                  () => import('./routes/us-letter-history-route.tsx'),
                  (m) => m.UsLetterHistoryRoute,
                ),
              },
              {
                path: 'notes',
                lazy: page(
                  () => import('./routes/notes-route.tsx'),
                  (m) => m.NotesRoute,
                ),
              },
              {
                path: 'notes/history',
                lazy: page(
                  () => import('./routes/notes-history-route.tsx'),
                  (m) => m.NotesHistoryRoute,
                ),
              },
              {
                path: 'boundaries',
                lazy: page(
                  () => import('./routes/boundaries-route.tsx'),
                  (m) => m.BoundariesRoute,
                ),
              },
              {
                path: 'boundaries/:boundaryId',
                lazy: page(
                  () => import('./routes/boundary-route.tsx'),
                  (m) => m.BoundaryRoute,
                ),
              },
              {
                path: 'boundaries/:boundaryId/history',
                lazy: page(
                  () => import('./routes/boundary-history-route.tsx'),
                  (m) => m.BoundaryHistoryRoute,
                ),
              },
              {
                path: 'goals',
                lazy: page(
                  () => import('./routes/goals-route.tsx'),
                  (m) => m.GoalsRoute,
                ),
              },
              {
                path: 'goals/:goalId',
                lazy: page(
                  () => import('./routes/goal-route.tsx'),
                  (m) => m.GoalRoute,
                ),
              },
              {
                path: 'goals/:goalId/history',
                lazy: page(
                  () => import('./routes/goal-history-route.tsx'),
                  (m) => m.GoalHistoryRoute,
                ),
              },
              {
                path: 'letters/drafts/:draftId/history',
                lazy: page(
                  () => import('./routes/letter-draft-history-route.tsx'),
                  (m) => m.LetterDraftHistoryRoute,
                ),
              },
              {
                path: 'letters/*',
                lazy: page(
                  () => import('./routes/letters-route.tsx'),
                  (m) => m.LettersRoute,
                ),
              },
              {
                path: 'checkins',
                lazy: page(
                  () => import('./routes/checkins-route.tsx'),
                  (m) => m.CheckinsRoute,
                ),
              },
              {
                path: 'promises',
                lazy: page(
                  () => import('./routes/promises-route.tsx'),
                  (m) => m.PromisesRoute,
                ),
              },
              {
                path: 'appreciations',
                lazy: page(
                  () => import('./routes/appreciations-route.tsx'),
                  (m) => m.AppreciationsRoute,
                ),
              },
              {
                path: 'wins',
                lazy: page(
                  () => import('./routes/wins-route.tsx'),
                  (m) => m.WinsRoute,
                ),
              },
              {
                path: 'talks',
                lazy: page(
                  () => import('./routes/talks-route.tsx'),
                  (m) => m.TalksRoute,
                ),
              },
              {
                path: 'talks/:talkId',
                lazy: page(
                  () => import('./routes/talk-route.tsx'),
                  (m) => m.TalkRoute,
                ),
              },
              {
                path: 'repair',
                lazy: page(
                  () => import('./routes/repairs-route.tsx'),
                  (m) => m.RepairsRoute,
                ),
              },
              {
                path: 'repair/:repairId',
                lazy: page(
                  () => import('./routes/repair-route.tsx'),
                  (m) => m.RepairRoute,
                ),
              },
              {
                path: 'forgiveness',
                lazy: page(
                  () => import('./routes/forgiveness-route.tsx'),
                  (m) => m.ForgivenessRoute,
                ),
              },
              {
                path: 'reassurance',
                lazy: page(
                  () => import('./routes/reassurance-route.tsx'),
                  (m) => m.ReassuranceRoute,
                ),
              },
              {
                path: 'journal',
                lazy: page(
                  () => import('./routes/journal-route.tsx'),
                  (m) => m.JournalRoute,
                ),
              },
              {
                path: 'settings',
                lazy: page(
                  () => import('./routes/space-settings-route.tsx'),
                  (m) => m.SpaceSettingsRoute,
                ),
              },
              {
                path: 'print',
                lazy: page(
                  () => import('./routes/print-route.tsx'),
                  (m) => m.PrintRoute,
                ),
              },
            ],
          },
        ],
      },
      {
        path: '*',
        lazy: page(
          () => import('./routes/not-found-route.tsx'),
          (m) => m.NotFoundRoute,
        ),
      },
    ],
  },
]);
