/** Props of a dismissible message. */
export interface DismissibleMessageProps {
  text: string;
  /** Class of the banner and of its text, so notices and errors keep their own look. */
  bannerClass: string;
  textClass: string;
  onDismiss(): void;
  /** `alert` for errors that must interrupt; none for messages inside a live region. */
  role?: 'alert';
}

/** One message the user can read and dismiss: the shared shape of notices and error banners. */
export function DismissibleMessage({ text, bannerClass, textClass, onDismiss, role }: DismissibleMessageProps) {
  return (
    <div className={bannerClass} role={role}>
      <span className={textClass}>{text}</span>
      <button type="button" className="text-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
