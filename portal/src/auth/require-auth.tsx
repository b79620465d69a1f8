import { lazy, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageSpinner } from './page-spinner';
import { sessionExpired } from './session';
import { useLoggedIn } from './use-session';

// the pages' Suspense fallback, kept importable from here
export { PageSpinner } from './page-spinner';

// everything past the login is a chunk of its own: the login page's scripts stay light
const SignedIn = lazy(() => import('./signed-in'));

/**
 * The signed-in part of the app: without a login, the login page (remembering this page);
 * with one, the signed-in frame (which loads the caller's rights first).
 */
export function RequireAuth() {
  const location = useLocation();
  const loggedIn = useLoggedIn();
  if (!loggedIn) {
    // the login page remembers this page, and says so when the session expired (the form draft waits)
    const redirect = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?redirect=${redirect}${sessionExpired() ? '&expired=1' : ''}`} replace />;
  }
  return (
    <Suspense fallback={<PageSpinner />}>
      <SignedIn />
    </Suspense>
  );
}
