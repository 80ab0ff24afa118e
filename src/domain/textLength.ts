// Apart from the idea rules that also use it, so a character count (in the shell's "Who is doing this?") does not
// bring the idea and waste rules into the shell.

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length
}
