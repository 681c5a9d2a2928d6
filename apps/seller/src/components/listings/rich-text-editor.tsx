"use client";
// A deliberately small editor for product descriptions: paragraphs, bold, italic, lists and
// subheadings, which is all the server keeps (it sanitises whatever arrives). Built on
// contentEditable so it adds no library to the portal's bundle.
import { useEffect, useId, useRef } from "react";

type Command = { label: string; command: string; value?: string; text: string; className?: string };

const COMMANDS: Command[] = [
  { label: "Bold", command: "bold", text: "B", className: "font-bold" },
  { label: "Italic", command: "italic", text: "I", className: "italic" },
  { label: "Subheading", command: "formatBlock", value: "h3", text: "H" },
  { label: "Bulleted list", command: "insertUnorderedList", text: "• List" },
  { label: "Numbered list", command: "insertOrderedList", text: "1. List" },
];

export function RichTextEditor({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (html: string) => void; error?: string | null; hint?: string }) {
  const id = useId();
  const editor = useRef<HTMLDivElement>(null);

  // The editor owns its DOM while the seller types; only an outside change (loading the product)
  // is written into it, so the caret never jumps.
  useEffect(() => {
    if (editor.current && editor.current.innerHTML !== value) editor.current.innerHTML = value;
  }, [value]);

  const run = (command: Command) => {
    editor.current?.focus();
    // execCommand is deprecated but still the one API every browser implements for this.
    document.execCommand("defaultParagraphSeparator", false, "p");
    document.execCommand(command.command, false, command.value);
    onChange(editor.current?.innerHTML ?? "");
  };

  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <span id={`${id}-label`} className="text-sm font-medium">{label}</span>
      <div className={`rounded-xl border ${error ? "border-sale" : "border-gray-300"} focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-100`}>
        <div role="toolbar" aria-label={`${label} formatting`} aria-controls={id} className="flex flex-wrap gap-1 border-b border-gray-200 p-1">
          {COMMANDS.map((command) => (
            <button
              key={command.label}
              type="button"
              aria-label={command.label}
              title={command.label}
              // Keep the selection in the editor: a click on the toolbar must not blur it first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(command)}
              className={`min-h-9 min-w-9 rounded-lg px-2 text-sm hover:bg-gray-100 ${command.className ?? ""}`}
            >
              {command.text}
            </button>
          ))}
        </div>
        <div
          id={id}
          ref={editor}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          contentEditable
          suppressContentEditableWarning
          onInput={(event) => onChange(event.currentTarget.innerHTML)}
          onPaste={(event) => {
            // Pasted pages bring styles and scripts; keep the words and let the seller format them.
            event.preventDefault();
            document.execCommand("insertText", false, event.clipboardData.getData("text/plain"));
          }}
          className="prose-sm min-h-40 px-3 py-2 text-base outline-none [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
        />
      </div>
      {hint ? <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-sale">{error}</p> : null}
    </div>
  );
}
