import { createServer } from 'node:http';

/**
 * The kiosk agent: a local process that will drive the customer's USB token through PKCS#11 for
 * the kiosk page. For now it only answers its health check, on the loopback interface.
 */
const port = Number(process.env.AGENT_PORT ?? 3100);

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res.writeHead(404).end();
});

server.listen(port, '127.0.0.1', () => console.log(`kiosk agent on http://127.0.0.1:${port}/`));
