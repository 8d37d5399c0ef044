import '../painting/highlights.css';
import '../styles/app.css';

import type { MarginaliaApi } from '../../electron/ipc/contract.ts';
import { Reader } from './Reader.tsx';
import { useDefaultArticle } from './use-default-article.ts';

/** The whole window: loads the default article and hands it to the reader. */
export function App({ api }: { api: MarginaliaApi }) {
  const load = useDefaultArticle(api);
  if (load.kind === 'loading') {
    return (
      <p className="app-message" role="status">
        Opening…
      </p>
    );
  }
  if (load.kind === 'failed') {
    return (
      <p className="app-message" role="alert">
        Couldn’t open the article: {load.message}
      </p>
    );
  }
  return <Reader key={load.article.id} api={api} article={load.article} />;
}
