import { useEffect } from 'react';

/** The page's one h1, also the document title. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Handoff console`;
  }, [children]);
  return <h1>{children}</h1>;
}
