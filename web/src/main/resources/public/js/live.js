// The live WebSocket: one connection per page load, topic subscriptions that survive reconnects,
// listeners by message type. After a reconnect, listeners get {type: 'reconnected'} and refetch
// history over REST (subscribe first, then fetch: the server guarantees no gap; drop steps already seen).

const listeners = new Map();
const topics = new Set();
let ws = null;
let delay = 500;
let opened = false;
let awaitingAck = false;

function emit(msg) {
  for (const fn of listeners.get(msg.type) || []) fn(msg);
  for (const fn of listeners.get('*') || []) fn(msg);
}

function send(obj) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj));
}

function connect() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live`;
  ws = new WebSocket(url);
  ws.onopen = () => {
    delay = 500;
    emit({ type: 'connection', up: true });
    if (topics.size) {
      awaitingAck = opened;
      send({ subscribe: [...topics] });
    }
    opened = true;
  };
  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    if (msg.type === 'step') emit({ type: 'points', points: [msg], thinned: false });
    else if (msg.type === 'steps') emit({ type: 'points', points: msg.points, thinned: msg.thinned });
    else emit(msg);
    // history may be refetched only once the server has the subscriptions again (no gap)
    if (msg.type === 'subscribed' && awaitingAck) { awaitingAck = false; emit({ type: 'reconnected' }); }
  };
  ws.onclose = () => {
    emit({ type: 'connection', up: false });
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 8000);
  };
}

export const live = {
  start() { if (!ws) connect(); },
  on(type, fn) {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type).add(fn);
    return () => listeners.get(type).delete(fn);
  },
  subscribe(...t) {
    const add = t.filter((x) => !topics.has(x));
    add.forEach((x) => topics.add(x));
    if (add.length) send({ subscribe: add });
    return new Promise((resolve) => {
      if (!add.length || !ws || ws.readyState !== WebSocket.OPEN) { resolve(); return; }
      const off = live.on('subscribed', (m) => {
        if (add.every((x) => m.topics.includes(x))) { off(); resolve(m); }
      });
    });
  },
  unsubscribe(...t) {
    const rm = t.filter((x) => topics.delete(x));
    if (rm.length) send({ unsubscribe: rm });
  },
};
