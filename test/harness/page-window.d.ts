import type { MarginaliaApi } from '../../common/contract.ts';

/**
 * What the app's page has, for code the tests run in it with page.evaluate: the preload's `window.marginalia`, as
 * renderer/env.d.ts declares it for the renderer. Both the harness's stand-in and the real preload build it.
 */
declare global {
  interface Window {
    /** The preload's bridge to the main process; every call resolves to a Result envelope. */
    readonly marginalia: MarginaliaApi;
  }
}
