import { createBrowserRouter } from 'react-router';
import { AccountRoute } from './routes/account-route.tsx';
import { AppreciationsRoute } from './routes/appreciations-route.tsx';
import { BoundariesRoute } from './routes/boundaries-route.tsx';
import { BoundaryRoute } from './routes/boundary-route.tsx';
import { GoodbyeRoute } from './routes/goodbye-route.tsx';
import { HelpRoute } from './routes/help-route.tsx';
import { HomeRoute } from './routes/home-route.tsx';
import { JoinRoute } from './routes/join-route.tsx';
import { LeftSpaceRoute } from './routes/left-space-route.tsx';
import { LettersRoute } from './routes/letters-route.tsx';
import { LoginRoute } from './routes/login-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { NotesRoute } from './routes/notes-route.tsx';
import { PrintRoute } from './routes/print-route.tsx';
import { PromisesRoute } from './routes/promises-route.tsx';
import { RequireAuth } from './routes/require-auth.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SignupRoute } from './routes/signup-route.tsx';
import { SpaceHomeRoute } from './routes/space-home-route.tsx';
import { SpaceLayout } from './routes/space-layout.tsx';
import { SpaceSettingsRoute } from './routes/space-settings-route.tsx';
import { UsLetterRoute } from './routes/us-letter-route.tsx';
import { WinsRoute } from './routes/wins-route.tsx';

// The pages that bring a large library of their own (dnd-kit for goals, recharts for check-in
// trends) load when first opened, so every other page starts lighter. The service worker
// precaches them, so they still open offline.
const lazyGoals = async () => ({ Component: (await import('./routes/goals-route.tsx')).GoalsRoute });
const lazyGoal = async () => ({ Component: (await import('./routes/goal-route.tsx')).GoalRoute });
const lazyCheckins = async () => ({ Component: (await import('./routes/checkins-route.tsx')).CheckinsRoute });

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/signup', element: <SignupRoute /> },
      { path: '/join/:code', element: <JoinRoute /> },
      { path: '/help', element: <HelpRoute /> },
      { path: '/goodbye', element: <GoodbyeRoute /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomeRoute /> },
          { path: '/account', element: <AccountRoute /> },
          { path: '/left', element: <LeftSpaceRoute /> },
          {
            path: '/spaces/:spaceId',
            element: <SpaceLayout />,
            children: [
              { index: true, element: <SpaceHomeRoute /> },
              { path: 'us-letter', element: <UsLetterRoute /> },
              { path: 'notes', element: <NotesRoute /> },
              { path: 'boundaries', element: <BoundariesRoute /> },
              { path: 'boundaries/:boundaryId', element: <BoundaryRoute /> },
              { path: 'goals', lazy: lazyGoals },
              { path: 'goals/:goalId', lazy: lazyGoal },
              { path: 'letters/*', element: <LettersRoute /> },
              { path: 'checkins', lazy: lazyCheckins },
              { path: 'promises', element: <PromisesRoute /> },
              { path: 'appreciations', element: <AppreciationsRoute /> },
              { path: 'wins', element: <WinsRoute /> },
              { path: 'settings', element: <SpaceSettingsRoute /> },
              { path: 'print', element: <PrintRoute /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
