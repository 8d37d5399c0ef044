import { useSyncExternalStore } from 'react';

import type { AnnotationsState, AnnotationStore } from './annotation-store.ts';

const empty: AnnotationsState = { loading: true, placed: [], orphans: [], error: null };
const noSubscription = () => () => undefined;
const emptySnapshot = () => empty;

/** The annotation state for rendering; empty and loading until the store exists. */
export function useAnnotations(store: AnnotationStore | undefined): AnnotationsState {
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? emptySnapshot);
}
