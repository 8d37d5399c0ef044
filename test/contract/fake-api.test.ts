import { FakeApi } from '../renderer/ui/fake-api.ts';
import { runApiContract } from './api-contract.ts';

/**
 * The FakeApi the UI tests render against. It touches no DOM (only `crypto` and `structuredClone`, which Node has
 * too), so the contract runs here in the node project beside the real dispatcher's.
 */
runApiContract('FakeApi', async () => {
  const fake = new FakeApi();
  return {
    api: fake.api,
    seedArticle: async (content) => fake.addArticle({ content }),
    cleanup: async () => {},
  };
});
