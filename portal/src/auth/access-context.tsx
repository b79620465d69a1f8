import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { accessFor, type Access, type Me } from './access';

interface AccessValue {
  me: Me;
  access: Access;
}

const AccessContext = createContext<AccessValue | null>(null);

/** Makes the caller and its access flags available below. */
export function AccessProvider({ me, children }: { me: Me; children: ReactNode }) {
  const value = useMemo(() => ({ me, access: accessFor(me) }), [me]);
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

/** The signed-in caller and what the UI may offer it. */
export function useAccess(): AccessValue {
  const value = useContext(AccessContext);
  if (!value) throw new Error('useAccess outside <AccessProvider>');
  return value;
}
