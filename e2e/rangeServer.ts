/**
 * A small HTTP server on loopback for the "Open from URL" tests: serves files from memory, honours
 * (or, when told, ignores) Range requests, answers CORS preflights, and records what was asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  method: string;
  path: string;
  range: string | null;
  bytesSent: number;
}

export interface RangeServer {
  url(path: string): string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

export async function startRangeServer(files: Record<string, Uint8Array>, { honourRange = true } = {}): Promise<RangeServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Range');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length, Accept-Ranges');
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const range = req.headers.range ?? null;
    const record = (bytesSent: number) => requests.push({ method: req.method ?? 'GET', path, range, bytesSent });
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      record(0);
      return;
    }
    const body = files[path.replace(/^\//, '')];
    if (!body) {
      res.writeHead(404).end();
      record(0);
      return;
    }
    const match = honourRange && range ? /^bytes=(\d+)-(\d+)$/.exec(range) : null;
    if (match) {
      const begin = Number(match[1]);
      const end = Math.min(Number(match[2]), body.length - 1);
      const slice = body.subarray(begin, end + 1);
      res.writeHead(206, { 'Content-Range': `bytes ${begin}-${end}/${body.length}`, 'Content-Length': slice.length, 'Accept-Ranges': 'bytes' });
      res.end(slice);
      record(slice.length);
      return;
    }
    res.writeHead(200, { 'Content-Length': body.length });
    res.end(body);
    record(body.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
