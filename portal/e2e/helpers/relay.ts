import net from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of the CMS: the portal's proxy points at it, so the CMS
 * behind can be stopped (the portal then sees a server that is down) and started again on
 * another port without restarting the portal.
 */
export async function startRelay(targetPort: number) {
  let target = targetPort;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** Sends new connections to `port` (the CMS started again elsewhere). */
    setTarget(port: number) {
      target = port;
    },
    async stop() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
