import { extname, relative, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { cacheControlFor } from './cacheControl.ts'

export interface SpaOptions {
  /** The built app (Vite's dist/). */
  root: string
}

/**
 * Serves the built PWA. Any GET for a path that is not a file and has no file
 * extension gets index.html, so deep links (/board/huddle) work on a fresh load;
 * a missing file with an extension (an old /assets chunk) stays a real 404 instead of
 * HTML that the browser would try to run as JavaScript. Registered on the root
 * instance because the fallback is the root's not-found handler.
 */
export async function registerSpa(app: FastifyInstance, { root }: SpaOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // We set Cache-Control ourselves per file (see cacheControl.ts).
    cacheControl: false,
    redirect: false,
    setHeaders(reply, filePath) {
      const sitePath = '/' + relative(root, filePath).split(sep).join('/')
      reply.header('cache-control', cacheControlFor(sitePath))
    },
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    if (path === '/api' || path.startsWith('/api/')) {
      return reply.code(404).send({ error: 'Not found', path: request.url })
    }
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && extname(path) === ''
    if (isPage) return reply.sendFile('index.html')
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
  })
}
