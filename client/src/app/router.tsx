import { createBrowserRouter } from 'react-router';
import { HomeRoute } from './routes/home-route.tsx';
import { JoinRoute } from './routes/join-route.tsx';
import { LoginRoute } from './routes/login-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { NotesRoute } from './routes/notes-route.tsx';
import { RequireAuth } from './routes/require-auth.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SignupRoute } from './routes/signup-route.tsx';
import { SpaceHomeRoute } from './routes/space-home-route.tsx';
import { SpaceLayout } from './routes/space-layout.tsx';
import { UsLetterRoute } from './routes/us-letter-route.tsx';

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/signup', element: <SignupRoute /> },
      { path: '/join/:code', element: <JoinRoute /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomeRoute /> },
          {
            path: '/spaces/:spaceId',
            element: <SpaceLayout />,
            children: [
              { index: true, element: <SpaceHomeRoute /> },
              { path: 'us-letter', element: <UsLetterRoute /> },
              { path: 'notes', element: <NotesRoute /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
