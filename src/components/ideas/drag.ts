// Drag and drop between idea board columns. The payload has its own type, so a column
// accepts only an idea card (not text or a file dragged in from elsewhere).
export const IDEA_DRAG_TYPE = 'application/x-lim-idea'

export function draggedIdeaId(event: DragEvent): string | null {
  return event.dataTransfer?.getData(IDEA_DRAG_TYPE) || null
}

export function isIdeaDrag(event: DragEvent): boolean {
  return Boolean(event.dataTransfer?.types.includes(IDEA_DRAG_TYPE))
}
