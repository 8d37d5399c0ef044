/**
 * Links inside a formatted article. The page never follows one: a click (Ctrl/⌘ or not) or Enter on a focused link
 * hands its address to `open`, and the main process asks the user before it opens the system browser. A click that
 * ends a text selection (a drag across or inside a link) opens nothing: the user was selecting, not following.
 * Middle clicks and other auxiliary clicks do nothing at all.
 *
 * A link that is opened takes its click or Enter for itself: the article surface does not also open a highlight
 * painted over the link, nor take Enter for a selection command, so one gesture never does two things.
 */
export function listenForLinks(root: HTMLElement, open: (url: string) => void): void {
  // The listeners die with `root`: the article's DOM is discarded, never reused, when it closes.
  root.addEventListener('click', (event) => {
    const link = linkOf(event.target, root);
    if (!link) return;
    event.preventDefault();
    if (!window.getSelection()?.isCollapsed) return;
    event.stopPropagation();
    openLink(link, open);
  });
  root.addEventListener('auxclick', (event) => {
    if (linkOf(event.target, root)) event.preventDefault();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    const link = linkOf(event.target, root);
    if (!link) return;
    // Also keeps the browser from turning Enter into a click on the link.
    event.preventDefault();
    event.stopPropagation();
    openLink(link, open);
  });
}

/** The link an event happened in, if it is inside `root`. */
function linkOf(target: EventTarget | null, root: HTMLElement): HTMLAnchorElement | undefined {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const link = element?.closest('a');
  return link && root.contains(link) ? link : undefined;
}

function openLink(link: HTMLAnchorElement, open: (url: string) => void): void {
  // The address as the article stores it, not `link.href`, which the browser may have rewritten.
  const url = link.getAttribute('href');
  if (url) open(url);
}
