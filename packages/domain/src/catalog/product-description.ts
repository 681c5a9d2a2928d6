// Product descriptions are written in the portal's small rich-text editor (or sent as HTML through
// the API and CSV import) and rendered as HTML on the storefront, so they are cleaned on the way
// in, for every reader of the column. Only formatting the editor can produce survives; scripts,
// event handlers, styles and javascript: links do not.
import sanitizeHtml from "sanitize-html";

export const MAX_DESCRIPTION_LENGTH = 10_000;

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "a"],
  // rel/target are written by the transform below, whatever the seller sent.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Contents of dangerous elements go with them; other unknown tags keep their text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math"],
  transformTags: {
    // Editors (and pasted text) produce <b>/<i>; keep the meaning with the allowed tags.
    b: "strong",
    i: "em",
    div: "p",
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    // Links leave the marketplace: never pass referrer or opener to the seller's site.
    // (Decided here, before the scheme filter runs, so only links that will keep their href.)
    a: (_tag, attribs) => {
      const href = attribs.href ?? "";
      const safe: sanitizeHtml.Attributes = SAFE_HREF.test(href) ? { href, rel: "nofollow noopener noreferrer", target: "_blank" } : {};
      return { tagName: "a", attribs: safe };
    },
  },
};

/** Clean HTML, trimmed; an editor's empty paragraph ("<p><br></p>") becomes "". */
export function sanitizeDescription(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  const text = clean.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim();
  return text === "" ? "" : clean;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " ", "&amp;": "&" };

/** The description as plain text (meta descriptions, previews, exports). */
export function descriptionText(html: string): string {
  // Block ends separate words that the tags alone kept apart.
  const spaced = html.replace(/<\/(p|li|h3|h4|div)>|<br\s*\/?>/gi, " ");
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags });
  return text
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * HTML to render for a stored description. Descriptions written before the rich-text editor (the
 * seeded catalogue, API clients sending plain text) have no tags: their blank lines become
 * paragraphs and single newlines line breaks. Either way the result passes the same allow-list
 * again, so a row written by any path renders safely.
 */
export function descriptionToHtml(stored: string): string {
  if (/<[a-z][^>]*>/i.test(stored)) return sanitizeDescription(stored);
  const paragraphs = stored
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br />")}</p>`);
  return sanitizeDescription(paragraphs.join(""));
}
