// Preloaded into the Agents Playground (node --import): it listens on every interface by default,
// and a local test client has no business on the network. A listen() without a host gets 127.0.0.1.
import net from 'node:net';

const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'number' && typeof second !== 'string') args.splice(1, 0, '127.0.0.1');
  else if (first && typeof first === 'object' && first.path === undefined && first.host === undefined) args[0] = { ...first, host: '127.0.0.1' };
  return listen.apply(this, args);
};
