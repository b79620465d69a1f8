import { Navigate } from 'react-router';
import { useAccess } from '../../auth/access-context';
import { landingPage } from './landing-page';

/** `/`: where a signed-in user starts (a handler's queue, everyone else's list). */
export default function HomePage() {
  const { access } = useAccess();
  return <Navigate to={landingPage(access)} replace />;
}
