/** A scrollable block of text (YAML, JSON), focusable so keyboard users can scroll it, named for screen readers. */
export function CodeBlock({ label, text }: { label: string; text: string }) {
  return (
    <div className="code" role="region" aria-label={label} tabIndex={0}>
      <pre>{text}</pre>
    </div>
  );
}
