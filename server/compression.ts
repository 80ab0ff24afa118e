import fastifyCompress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'

/** Responses smaller than this go as they are: compressing them saves less than the headers cost. */
export const COMPRESSION_THRESHOLD_BYTES = 1024

/**
 * Compresses responses (brotli, else gzip, as the request's Accept-Encoding allows) for
 * the app's files and the API's JSON, with `Vary: Accept-Encoding` so a cache keeps one
 * copy per encoding. Registered before any route, since it hooks the routes added after it.
 *
 * Left alone: images and fonts (already compressed), responses under the threshold, and
 * the sync events stream, which writes to the socket itself (hijacked) so no poke waits
 * in a compressor's buffer; its content type is also outside the compressible types.
 * Request bodies are not decompressed: a tablet sends plain JSON, and the body limit
 * counts the bytes as sent.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
  })
}
