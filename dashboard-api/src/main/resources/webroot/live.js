// The live WebSocket, kept open by itself: it signs the upgrade with ?access_token=, subscribes to
// the channels asked for, and on any drop reconnects with exponential backoff, resuming each
// channel from the last epoch and seq it saw (docs/websocket.md), so a blip loses nothing. A 4401
// close (token expired) gets a fresh token first; a server that goes quiet for three heartbeats is
// given up on and reconnected. A channel the signed-in person may not see is reported once and not
// asked for again.
(function () {
  'use strict';
  const GC = window.GC = window.GC || {};
  const FIRST_RETRY_MS = 1000;
  const MAX_RETRY_MS = 30000;
  const QUIET_MS = 45000;

  /**
   * Connects. options: channels (names), filter (sent with every subscription, or null),
   * onSnapshot(channel, items), onUpdate(channel, key, data), onForbidden(channel),
   * onState(state, text) with state one of connecting, live, reconnecting.
   */
  GC.live = function (options) {
    const positions = {};
    const forbidden = new Set();
    let socket = null;
    let attempt = 0;
    let quietTimer = null;

    function state(name, text) {
      options.onState(name, text);
    }

    function subscribe(ws, channel) {
      // Batched: every change still arrives, several to a message, at most a batching period late.
      const message = { op: 'subscribe', channel: channel, batch: true };
      if (options.filter) { message.filter = options.filter; }
      if (positions[channel]) {
        message.fromSeq = positions[channel].seq;
        message.epoch = positions[channel].epoch;
      }
      ws.send(JSON.stringify(message));
    }

    function heard(ws) {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => dropped(ws, true), QUIET_MS);
    }

    function open() {
      const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?access_token='
        + encodeURIComponent(GC.session.token());
      const ws = new WebSocket(url);
      let opened = false;
      socket = ws;
      ws.onopen = () => {
        opened = true;
        attempt = 0;
        state('live', 'Live');
        options.channels.filter(c => !forbidden.has(c)).forEach(c => subscribe(ws, c));
        heard(ws);
      };
      ws.onmessage = event => {
        heard(ws);
        const msg = JSON.parse(event.data);
        if (msg.op === 'error') {
          if (msg.code === 'forbidden' && msg.channel) {
            forbidden.add(msg.channel);
            options.onForbidden(msg.channel);
          } else if (msg.code !== 'token-expired') {
            console.warn('The server refused a request:', msg.code, msg.message);
          }
        } else if (msg.kind === 'snapshot') {
          positions[msg.channel] = { epoch: msg.epoch, seq: msg.seq };
          options.onSnapshot(msg.channel, msg.items);
        } else if (msg.kind === 'updates') {
          positions[msg.channel] = { epoch: msg.epoch, seq: msg.seq };
          msg.items.forEach(item => options.onUpdate(msg.channel, item.key, item.data));
        } else if (msg.kind === 'update') {
          positions[msg.channel] = { epoch: msg.epoch, seq: msg.seq };
          options.onUpdate(msg.channel, msg.key, msg.data);
        }
      };
      ws.onclose = event => {
        if (event.code === 4401) {
          renewThenOpen(ws);
        } else if (!opened) {
          // The upgrade failed: either the server is away, or it refused the token (401).
          GC.session.check().then(() => dropped(ws, false), () => dropped(ws, false));
        } else {
          dropped(ws, false);
        }
      };
    }

    function renewThenOpen(ws) {
      if (socket !== ws) { return; }
      socket = null;
      state('reconnecting', 'Signing in again…');
      GC.session.renew().then(open, () => retry());
    }

    function dropped(ws, quiet) {
      if (socket !== ws) { return; }
      socket = null;
      clearTimeout(quietTimer);
      if (quiet) { ws.close(); }
      retry();
    }

    function retry() {
      const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, attempt));
      const wait = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
      attempt += 1;
      state('reconnecting', 'Reconnecting… (try ' + attempt + ', next in ' + Math.ceil(wait / 1000) + ' s)');
      setTimeout(open, wait);
    }

    state('connecting', 'Connecting…');
    open();
  };
}());
