import type { MarginaliaApi } from '../common/contract.ts';

declare global {
  interface Window {
    /** The preload's bridge to the main process; every call resolves to a Result envelope. */
    readonly marginalia: MarginaliaApi;
  }
}
