// A server-sent-events parser for a fetch body. EventSource cannot send an
// Authorization header, so the transport reads /api/sync/events with fetch and feeds the
// text here. Follows the WHATWG event-stream rules the server relies on: `event:`,
// `data:` (joined by newlines), `retry:` (digits only), comments (`:`), and a blank line
// to dispatch; CR, LF and CRLF all end a line, even when split across chunks.

export interface ServerSentEvent {
  event: string
  data: string
}

export class SseParser {
  private buffer = ''
  private event = ''
  private data: string[] = []

  constructor(
    private readonly onEvent: (event: ServerSentEvent) => void,
    private readonly onRetry: (ms: number) => void = () => undefined,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk
    for (;;) {
      const end = this.buffer.search(/[\r\n]/)
      if (end === -1) return
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) return
      const line = this.buffer.slice(0, end)
      const skip = this.buffer.startsWith('\r\n', end) ? 2 : 1
      this.buffer = this.buffer.slice(end + skip)
      this.line(line)
    }
  }

  private line(line: string): void {
    if (line === '') return this.dispatch()
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.event = value
    else if (field === 'data') this.data.push(value)
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value))
  }

  private dispatch(): void {
    const event = this.event || 'message'
    const data = this.data
    this.event = ''
    this.data = []
    if (data.length > 0) this.onEvent({ event, data: data.join('\n') })
  }
}
