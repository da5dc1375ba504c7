import '../styles/skip-link.css';

/** The page's main region, where the skip link (and focus, when nothing better is left) lands. */
export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first stop for Tab: jumps past the sidebar and header. Hidden until
 * focused. It focuses the target itself because the app routes by URL hash,
 * so a plain `#main-content` link would navigate instead of moving focus.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
