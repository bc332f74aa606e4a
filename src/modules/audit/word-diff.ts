/** A piece of a word-by-word comparison: kept in both texts, only in the old one, or only in the new one. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many word pairs the comparison is not worked out (the page shows both texts whole). */
const MAX_CELLS = 4_000_000;

/** Each word with the spaces after it (leading spaces alone). */
const tokens = (text: string) => text.match(/^\s+|\S+\s*/g) ?? [];

/**
 * The words removed from `before` and added in `after`, in reading order (longest common subsequence of words and
 * spaces), or undefined when the texts are too long to compare here.
 */
export function diffWords(before: string, after: string): DiffPart[] | undefined {
  const a = tokens(before);
  const b = tokens(after);
  // Trim the common start and end: most edits touch a small part of a long text.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) return undefined;
  const n = midA.length;
  const m = midB.length;
  // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] =
        midA[i] === midB[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (start > 0) push('same', a.slice(0, start).join(''));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      push('same', midA[i]!);
      i++;
      j++;
    } else if (i < n && (j === m || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      push('removed', midA[i]!);
      i++;
    } else {
      push('added', midB[j]!);
      j++;
    }
  }
  if (endA < a.length) push('same', a.slice(endA).join(''));
  return parts;
}
