import { lazy, type ReactNode } from 'react';
import { useAccess } from './access-context';
import type { Access } from './access';

// antd's Result (its pictures weigh) comes only when a role meets a page it may not open
const Forbidden = lazy(() => import('./forbidden'));

/** Shows `children` only to a caller with the access flag `flag` (a page reached by its URL alone). */
export function RequireAccess({ flag, children }: { flag: keyof Access; children: ReactNode }) {
  const { access } = useAccess();
  return access[flag] ? <>{children}</> : <Forbidden />;
}
