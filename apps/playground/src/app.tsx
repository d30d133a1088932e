import { useEffect, useState, type ReactNode } from 'react';
import { KeyField } from './components/key-field';
import { CatalogView } from './views/catalog';

interface Route {
  readonly path: string;
  readonly label: string;
  readonly view: () => ReactNode;
}

const CATALOG: Route = { path: 'catalog', label: 'Catalog', view: () => <CatalogView /> };
const ROUTES: readonly Route[] = [CATALOG];

function currentPath(): string {
  const path = location.hash.replace(/^#\/?/, '');
  return ROUTES.some((route) => route.path === path) ? path : 'catalog';
}

/** Views are addressed by the URL's hash, so a reload stays where it was and the server needs one route. */
export function App() {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onHashChange = () => {
      setPath(currentPath());
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
  const route = ROUTES.find((r) => r.path === path) ?? CATALOG;
  return (
    <>
      <header className="top">
        <h1>
          Quarry <span>playground</span>
        </h1>
        <nav aria-label="Views">
          {ROUTES.map((r) => (
            <a key={r.path} href={`#/${r.path}`} aria-current={r.path === path ? 'page' : undefined}>
              {r.label}
            </a>
          ))}
        </nav>
        <KeyField />
      </header>
      <main>{route.view()}</main>
    </>
  );
}
