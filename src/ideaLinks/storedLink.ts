// The idea link this tablet made for a board. The server keeps only the token's hash, so
// the tablet keeps the link itself (it is printed on the ward's poster anyway).
import type { IdeaLinkMade } from './ideaLinkApi'

const key = (boardId: string) => `lim-huddle.ideaLink.${boardId}`

export function storedIdeaLink(boardId: string): IdeaLinkMade | null {
  try {
    const raw = localStorage.getItem(key(boardId))
    const parsed = raw ? (JSON.parse(raw) as Partial<IdeaLinkMade>) : null
    return parsed && typeof parsed.token === 'string' && typeof parsed.id === 'string'
      ? { id: parsed.id, token: parsed.token, label: String(parsed.label ?? '') }
      : null
  } catch {
    return null
  }
}

export function storeIdeaLink(boardId: string, link: IdeaLinkMade): void {
  localStorage.setItem(key(boardId), JSON.stringify(link))
}
