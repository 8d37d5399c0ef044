import { insertArticle } from '../../db/articles.ts';
import { openAppData } from '../../electron/core/app-data.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';
import { runApiContract } from './api-contract.ts';

/** The real thing: the dispatcher every IPC call goes through, on a fresh library in a temp folder. */
runApiContract('the real dispatcher', async () => {
  const temp = makeTempDir();
  const unexpected: unknown[] = [];
  const app = openAppData(temp.dir, { log: (error) => unexpected.push(error) });
  let seeded = 0;
  return {
    api: dispatchApi(app.dispatch),
    seedArticle: async (content) =>
      insertArticle(app.db, { title: 'Contract', source: `test:contract-${++seeded}`, format: 'text', content }),
    cleanup: async () => {
      app.close();
      temp.cleanup();
      if (unexpected.length > 0) throw new Error(`internal errors were logged: ${unexpected.map(String).join('; ')}`);
    },
  };
});
