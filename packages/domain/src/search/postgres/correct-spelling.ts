// "Did you mean": each word of a query that found nothing is replaced by the closest word of the
// catalogue's vocabulary ("SearchWord"). PostgreSQL proposes candidates (pg_trgm similarity, or a
// Levenshtein distance of at most two); the choice is made here by optimal string alignment
// distance, which counts two swapped letters as one edit the way people make them ("cadrigan"),
// where Levenshtein and trigrams both count them as two or more.
import { getPrisma } from "@market/db";
import type { Db } from "../load-search-documents.ts";

/** Candidates fetched per word; the best by edit distance is almost always among the first few. */
const CANDIDATES_PER_WORD = 12;

/** Edits forgiven in a word of this length: none in very short words, where anything is close. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  return 2;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

type Candidate = { position: number; word: string; documents: number; known: boolean };

/**
 * The query with its unknown words corrected, in lower case without accents; null when no word
 * needed (or found) a correction.
 */
export async function correctSpelling(text: string, db: Db = getPrisma()): Promise<string | null> {
  const [normalised] = await db.$queryRaw<{ text: string }[]>`SELECT lower(unaccent(${text})) AS text`;
  const words = (normalised?.text ?? "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // Numbers, model codes and very short words are left as typed.
  const correctable = words.map((word, position) => ({ word, position })).filter(({ word }) => /^\p{L}+$/u.test(word) && allowedEdits(word.length) > 0);
  if (correctable.length === 0) return null;

  // The trigram branch uses the vocabulary's GIN index; the Levenshtein branch scans the
  // vocabulary, which is a few thousand words (it only runs for queries that found nothing).
  const candidates = await db.$queryRaw<Candidate[]>`
    SELECT q.position::int AS position, c.word, c.documents, c.word = q.word AS known
      FROM unnest(${correctable.map((c) => c.word)}::text[], ${correctable.map((c) => c.position)}::int[]) AS q(word, position)
      CROSS JOIN LATERAL (
        SELECT s.word, s.documents
          FROM "SearchWord" s
         WHERE s.word = q.word
            OR s.word % q.word
            OR (abs(length(s.word) - length(q.word)) <= 2 AND levenshtein_less_equal(s.word, q.word, 2) <= 2)
         ORDER BY s.word = q.word DESC, levenshtein(s.word, q.word), similarity(s.word, q.word) DESC, s.documents DESC
         LIMIT ${CANDIDATES_PER_WORD}
      ) c`;

  let changed = false;
  const corrected = [...words];
  for (const { word, position } of correctable) {
    const mine = candidates.filter((c) => c.position === position);
    if (mine.some((c) => c.known)) continue;
    const best = mine
      .map((c) => ({ ...c, distance: editDistance(word, c.word) }))
      .filter((c) => c.distance <= allowedEdits(word.length))
      .sort((a, b) => a.distance - b.distance || b.documents - a.documents || a.word.localeCompare(b.word))[0];
    if (best) {
      corrected[position] = best.word;
      changed = true;
    }
  }
  return changed ? corrected.join(" ") : null;
}
