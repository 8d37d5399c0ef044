import { useEffect, useRef, useState } from 'react';

/** Whether a drag carries files (from the file manager), rather than text or a link. */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Whether the drop target takes dropped text itself (a note being written): its own drop is left alone. */
function takesText(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)
  );
}

/**
 * How long the drop hint outlives the last `dragover`: browsers send one at least every 350 ms while files are held
 * over the page, even when the pointer rests, so a gap this long means the drag left without a `dragleave` (which
 * can go missing when the pointer crosses into an inert region or a fast exit).
 */
const hintTimeoutMs = 1000;

/**
 * Files dropped anywhere on the window: returns whether files are being dragged over it (to show "Drop to open"),
 * and hands dropped files to `onFiles`. Dropping never navigates the window: file drags, and text or link drags
 * anywhere but a text field, are cancelled at the window; text dropped into a note still goes into the note. While
 * `enabled` is false (a dialog is open) drops are still cancelled, but nothing opens and no hint shows.
 */
export function useFileDrop(enabled: boolean, onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  });

  useEffect(() => {
    // dragenter and dragleave come in pairs for every element crossed: the drag is over the window while the count
    // of entries not yet left is above zero.
    let depth = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      depth = 0;
      clearTimeout(timer);
      setDragging(false);
    };
    const held = () => {
      clearTimeout(timer);
      timer = setTimeout(stop, hintTimeoutMs);
      setDragging(enabled);
    };
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      held();
    };
    const onDragOver = (event: DragEvent) => {
      if (carriesFiles(event)) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
        held();
      } else if (!takesText(event.target)) {
        // Accepting the drag with no effect means no drop happens, and the browser never follows a dropped link.
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      }
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth -= 1;
      if (depth <= 0) stop();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) {
        if (!takesText(event.target)) event.preventDefault();
        return;
      }
      event.preventDefault();
      stop();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (enabled && files.length > 0) onFilesRef.current(files);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);

  return dragging && enabled;
}
