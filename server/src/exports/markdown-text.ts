/** A day as YYYY-MM-DD (UTC), the way every date in the Markdown export is written. */
export const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Keeps a person's words from being read as Markdown structure (headings, lists, links). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

/** A person's lines as Markdown paragraphs, or a quiet note when there are none. */
export function paragraphs(text: string): string {
  return text.trim() ? escapeMarkdown(text).split('\n').join('\n\n') : '_Nothing written yet._';
}
