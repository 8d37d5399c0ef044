import { buildApi } from '../../common/api.ts';
import { channelTable, type MainApi } from '../../common/contract.ts';
import type { Dispatch } from '../../electron/ipc/dispatch.ts';

/**
 * Every channel of main, the preload's own included, built by the preload's own buildApi() over the contract's channel
 * table but calling the main process's dispatcher directly: what tests use to check or seed what is stored without
 * the UI.
 */
export function dispatchApi(dispatch: Dispatch): MainApi {
  // buildApi is untyped on purpose (the harness ships its source into a page); the table it walks is the contract's,
  // so the object it returns has exactly MainApi's groups and verbs, and dispatch answers with their Results.
  return buildApi(channelTable(), dispatch) as unknown as MainApi;
}
