// The idea link's three calls: the ward tablet makes a link (with its device token), a
// phone reads the link's label and sends an idea (no token: the link is the permission).
export interface IdeaLinkMade {
  id: string
  token: string
  label: string
}

export interface SentIdea {
  problem: string
  idea: string
  raisedBy?: string
}

export type SendResult =
  { ok: true } | { ok: false; message: string; fields?: Partial<Record<'problem' | 'idea' | 'raisedBy', string>> }

const NETWORK_MESSAGE = 'Your idea could not be sent: check the phone has signal or Wi-Fi and try again.'

async function messageOf(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown }
    return typeof body.message === 'string' ? body.message : fallback
  } catch {
    return fallback
  }
}

export async function makeIdeaLink(
  deviceToken: string,
  link: { unitId: string; boardId: string; label: string },
): Promise<IdeaLinkMade> {
  const response = await fetch('/api/idea-links', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
    body: JSON.stringify(link),
  })
  if (!response.ok) throw new Error(await messageOf(response, `The server refused (${response.status}).`))
  return (await response.json()) as IdeaLinkMade
}

/** The label the ward chose, or the reason the link does not work. */
export async function readIdeaLink(token: string): Promise<{ label: string } | { problem: string }> {
  try {
    const response = await fetch(`/api/idea-links/${encodeURIComponent(token)}`)
    if (response.ok) return (await response.json()) as { label: string }
    return { problem: await messageOf(response, 'This idea link does not work.') }
  } catch {
    return { problem: 'The idea form could not reach the server: check the phone has signal or Wi-Fi.' }
  }
}

export async function sendIdea(token: string, idea: SentIdea): Promise<SendResult> {
  try {
    const response = await fetch(`/api/idea-links/${encodeURIComponent(token)}/ideas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(idea),
    })
    if (response.ok) return { ok: true }
    if (response.status === 429)
      return { ok: false, message: 'Too many ideas have come from this phone just now. Try again in an hour.' }
    const body = (await response.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string> }
    return { ok: false, message: body.message ?? `The server refused (${response.status}).`, fields: body.fields }
  } catch {
    return { ok: false, message: NETWORK_MESSAGE }
  }
}

/** Where a phone opens the form. */
export function ideaLinkUrl(origin: string, token: string): string {
  return `${origin}/idea/${token}`
}
