import { useEffect, useState, type ReactNode } from 'react';
import { ChatView } from './chat/chat-view';
import { KeyField } from './components/key-field';
import { CatalogView } from './views/catalog';
import { EmbeddingsView } from './views/embeddings';
import { ImagesView } from './views/images';
import { KeysView } from './views/keys';

interface Route {
  readonly path: string;
  readonly label: string;
  /** Renders the view; `param` is the rest of the hash (`#/chat/<id>` → the conversation ID). */
  readonly view: (param: string | undefined) => ReactNode;
}

const CATALOG: Route = { path: 'catalog', label: 'Catalog', view: () => <CatalogView /> };
const ROUTES: readonly Route[] = [
  CATALOG,
  { path: 'chat', label: 'Chat', view: (id) => <ChatView conversationId={id} /> },
  { path: 'embeddings', label: 'Embeddings', view: () => <EmbeddingsView /> },
  { path: 'images', label: 'Images', view: () => <ImagesView /> },
  { path: 'keys', label: 'Key & usage', view: () => <KeysView /> },
];

function currentLocation(): { readonly path: string; readonly param: string | undefined } {
  const [path = '', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const param = rest.length === 0 || rest.join('/') === '' ? undefined : decodeURIComponent(rest.join('/'));
  return ROUTES.some((route) => route.path === path)
    ? { path, param }
    : { path: CATALOG.path, param: undefined };
}

/** Views are addressed by the URL's hash, so a reload stays where it was and the server needs one route. */
export function App() {
  const [{ path, param }, setLocation] = useState(currentLocation);
  useEffect(() => {
    const onHashChange = () => {
      setLocation(currentLocation());
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
      <main>{route.view(param)}</main>
    </>
  );
}
