import { lazy } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { RequireAccess } from './auth/require-access';
import { RequireAuth } from './auth/require-auth';
import { onSessionExpired } from './auth/session';
import { ServerDownBanner } from './layout/server-down-banner';
import LoginPage from './pages/login';
import { queryClient } from './services/query-client';

// every page but the login is a chunk of its own, fetched when first visited (RJSF and the
// table stay out of what the login page loads)
const TicketListPage = lazy(() => import('./pages/tickets/list'));
const TicketFormPage = lazy(() => import('./pages/tickets/detail'));
const NotFoundPage = lazy(() => import('./pages/not-found'));
const ImportListPage = lazy(() => import('./pages/imports'));
const ImportWizardPage = lazy(() => import('./pages/imports/wizard'));
const ImportJobPage = lazy(() => import('./pages/imports/import-job-page'));
const ExportListPage = lazy(() => import('./pages/exports'));
const TicketTypeVersionsPage = lazy(() => import('./pages/ticket-types'));
const HomePage = lazy(() => import('./pages/home'));
const MyTicketsPage = lazy(() => import('./pages/my-tickets'));
const NotificationPreferencesPage = lazy(() => import('./pages/notification-preferences'));
const NearTicketsPage = lazy(() => import('./pages/tickets/near'));

/** The banner over every page, signed in or not. */
function Root() {
  return (
    <>
      <ServerDownBanner />
      <Outlet />
    </>
  );
}

/** The portal's routes. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'my-tickets', element: <RequireAccess flag="canAssign"><MyTicketsPage /></RequireAccess> },
          { path: 'tickets', element: <TicketListPage /> },
          { path: 'tickets/new', element: <TicketFormPage /> },
          { path: 'tickets/near', element: <NearTicketsPage /> },
          { path: 'tickets/:id', element: <TicketFormPage /> },
          { path: 'imports', element: <RequireAccess flag="canImport"><ImportListPage /></RequireAccess> },
          { path: 'imports/new', element: <RequireAccess flag="canImport"><ImportWizardPage /></RequireAccess> },
          { path: 'imports/:jobId', element: <RequireAccess flag="canImport"><ImportJobPage /></RequireAccess> },
          { path: 'exports', element: <RequireAccess flag="canExport"><ExportListPage /></RequireAccess> },
          { path: 'ticket-types', element: <RequireAccess flag="canMigrateTicketTypes"><TicketTypeVersionsPage /></RequireAccess> },
          {
            path: 'notifications/preferences',
            element: <RequireAccess flag="canReadNotifications"><NotificationPreferencesPage /></RequireAccess>,
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

// a login that a refresh cannot bring back: its cached data goes; the signed-in pages see the
// tokens gone and send the user to the login page, remembering the page (form drafts stay in
// the user's part of localStorage and come back after signing in again)
onSessionExpired(() => queryClient.clear());
