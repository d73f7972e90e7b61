// recording-server.mjs — a loopback HTTP server that records every request it gets and
// answers each with a fixed reply: the "other host" of redirect and confinement tests.
//
//   const other = await startRecordingServer({ status: 200, body: '{}' });
//   ... point a redirect at other.url('/v1/rerank') ...
//   other.requests   // [{ method, url, headers }] — did the key arrive here?
//   await other.close();
import http from 'node:http';

export async function startRecordingServer({ status = 200, body = '{}', contentType = 'application/json' } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, headers: { ...req.headers } });
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path = '/') => `${origin}${path}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
