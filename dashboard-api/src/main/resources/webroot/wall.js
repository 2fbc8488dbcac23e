// The wall: one live tile per trust from the pressure.trust channel, the system banner with its
// trend, and the ticker of open alerts. Reconnects by itself and resumes from the last sequence
// number it saw, so a network blip loses nothing.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const ics = params.get('ics');
  const tiles = document.getElementById('tiles');
  const connection = document.getElementById('connection');
  const trusts = new Map();
  const lastSeq = {};
  let retryMs = 500;

  if (ics) { document.getElementById('system').textContent = 'System ' + ics; }

  // Occupancy bands are data (occupancy-bands.json), not code.
  let bands = [];

  function band(pct) {
    if (pct === undefined || pct === null || !bands.length) { return null; }
    const found = bands.find(b => b.atMostPct === null || pct <= b.atMostPct);
    return found ? found.level : null;
  }

  function measure(data, name) {
    const m = (data.measures || []).find(x => x.name === name);
    return m ? m.value : null;
  }

  function age(asAt) {
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(asAt)) / 60000));
    if (minutes < 60) { return minutes + ' min ago'; }
    const hours = Math.floor(minutes / 60);
    return hours + ' h ' + (minutes % 60) + ' min ago';
  }

  function text(tag, cls, value) {
    const el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = value;
    return el;
  }

  function render(key, data) {
    let tile = trusts.get(key);
    if (!tile) {
      tile = document.createElement('section');
      tile.className = 'tile';
      tile.dataset.org = key;
      trusts.set(key, tile);
      const empty = document.getElementById('empty');
      if (empty) { empty.remove(); }
      const ordered = [...trusts.keys()].sort();
      tiles.insertBefore(tile, trusts.get(ordered[ordered.indexOf(key) + 1]) || null);
    }
    const ga = measure(data, 'gaOccupancyPct');
    // The colour and number are the trust's OPEL level when scored, else its G&A occupancy band.
    const scored = data.opelLevel !== undefined && data.opelLevel !== null;
    const b = scored ? data.opelLevel : band(ga);
    tile.className = 'tile' + (b ? ' band-' + b : '');
    tile.dataset.band = b || '';
    const badge = scored
      ? 'OPEL ' + data.opelLevel + ' · score ' + data.score.toFixed(1)
        + (data.completeness < 1 ? ' (on ' + Math.round(data.completeness * 100) + '% of the table)' : '')
      : (b ? 'G&A band ' + b : 'No G&A figure');
    tile.replaceChildren(
      text('h2', '', data.orgName || key),
      text('span', 'code', key + ' · ' + (data.systemCode || '')),
      text('p', 'big', ga === null ? '–' : ga.toFixed(1) + '%'),
      text('span', 'band', badge));
    const dl = document.createElement('dl');
    const rows = [
      ['G&A occupied / open', fmtPair(measure(data, 'gaOccupied'), measure(data, 'gaOpen'))],
      ['Critical care', fmtPct(measure(data, 'criticalCareOccupancyPct'))],
      ['CC occupied / open', fmtPair(measure(data, 'criticalCareOccupied'), measure(data, 'criticalCareOpen'))]];
    rows.forEach(([label, value]) => { dl.append(text('dt', '', label), text('dd', '', value)); });
    tile.append(dl);
    const drivers = (data.measures || []).filter(m => m.contribution > 0)
      .sort((x, y) => y.contribution - x.contribution).slice(0, 3);
    if (drivers.length) {
      tile.append(text('p', 'drivers', 'Driven by: ' + drivers.map(m => m.label + ' ' + m.value.toFixed(1)
        + (m.unit === '%' ? '%' : ' ' + m.unit)
        + ' (level ' + m.level + ')').join('; ')));
    }
    const when = text('p', 'age', 'As at ' + new Date(data.asAt).toLocaleString('en-GB') + ' (' + age(data.asAt) + ')');
    when.dataset.asAt = data.asAt;
    tile.append(when);
    tile.classList.remove('flash');
    void tile.offsetWidth;
    tile.classList.add('flash');
  }

  // Staleness limits per feed are data (feed-staleness.json); a feed older than its limit is STALE.
  let staleness = { defaultMinutes: 60, minutes: {} };
  const feedRows = new Map();

  function renderFeed(key, data) {
    const body = document.querySelector('#feeds tbody');
    let row = feedRows.get(key);
    if (!row) {
      row = document.createElement('tr');
      row.dataset.feed = key;
      feedRows.set(key, row);
      const ordered = [...feedRows.keys()].sort();
      body.insertBefore(row, feedRows.get(ordered[ordered.indexOf(key) + 1]) || null);
    }
    row.dataset.lastReceivedAt = data.lastReceivedAt || '';
    row.dataset.feedName = data.feed;
    const last = document.createElement('td');
    const refused = document.createElement('td');
    refused.textContent = data.rejectedToday;
    if (data.rejectedToday > 0) { refused.append(' ', text('span', 'badge refused', 'REFUSED')); }
    row.replaceChildren(text('td', '', data.orgCode), text('td', '', data.feed), last,
      text('td', '', data.acceptedToday), refused, text('td', '', data.lastRejection || ''));
    renderFeedAge(row);
  }

  function renderFeedAge(row) {
    const cell = row.children[2];
    const at = row.dataset.lastReceivedAt;
    if (!at) { cell.replaceChildren(text('span', 'badge stale', 'NO DATA')); return; }
    const minutes = (Date.now() - Date.parse(at)) / 60000;
    const limit = staleness.minutes[row.dataset.feedName] || staleness.defaultMinutes;
    cell.replaceChildren(age(at));
    if (minutes > limit) { cell.append(' ', text('span', 'badge stale', 'STALE')); }
  }

  // The system banner: one system's bed-weighted score, or, across systems, the most pressed one.
  const systems = new Map();
  function renderSystem(key, data) {
    systems.set(key, data);
    const shown = [...systems.values()].sort((a, b) => (b.score || 0) - (a.score || 0))[0];
    const banner = document.getElementById('system-pressure');
    banner.className = 'system-pressure' + (shown.opelLevel ? ' band-' + shown.opelLevel : '');
    banner.dataset.level = shown.opelLevel || '';
    banner.textContent = shown.systemCode + ' OPEL ' + shown.opelLevel + ' · score ' + shown.score.toFixed(1)
      + (shown.highestTrustLevel === 4 ? ' · a trust at OPEL 4' : ' · highest trust OPEL ' + shown.highestTrustLevel);
    renderTrend(shown.trend);
  }

  // The trend beside the banner: the score's change over 2 and 4 hours, arrow and sign spelled out.
  function change(value, hours) {
    if (value === undefined || value === null) { return null; }
    const arrow = value > 0 ? '▲ +' : value < 0 ? '▼ −' : '► ';
    return arrow + Math.abs(value).toFixed(1) + ' in ' + hours + ' h';
  }

  function renderTrend(trend) {
    const el = document.getElementById('system-trend');
    const parts = trend ? [change(trend.change2h, 2), change(trend.change4h, 4)].filter(p => p) : [];
    el.className = 'system-trend' + (trend && trend.risingFast ? ' rising-fast' : '');
    el.replaceChildren(parts.length ? parts.join(' · ') : '');
    if (trend && trend.risingFast) { el.append(' ', text('span', 'badge rising', 'RISING FAST')); }
  }

  // The alert ticker: open alerts, most severe then newest first, severity in words and colour.
  const alerts = new Map();
  const SEVERITY_RANK = { CRITICAL: 0, WARNING: 1, INFO: 2 };
  const SHOWN_ALERTS = 8;

  function renderAlert(key, data) {
    if (data.state === 'RESOLVED') { alerts.delete(key); } else { alerts.set(key, data); }
    drawAlerts();
  }

  function drawAlerts() {
    const open = [...alerts.values()].sort((a, b) => (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      || (Date.parse(b.raisedAt) - Date.parse(a.raisedAt)));
    const list = document.getElementById('alert-list');
    list.replaceChildren(...open.slice(0, SHOWN_ALERTS).map(alertItem));
    if (open.length > SHOWN_ALERTS) {
      list.append(text('li', 'alert more', '+ ' + (open.length - SHOWN_ALERTS) + ' more open alerts'));
    }
    document.getElementById('alert-count').textContent = open.length;
    document.getElementById('no-alerts').hidden = open.length > 0;
  }

  function alertItem(a) {
    const li = document.createElement('li');
    li.className = 'alert severity-' + (a.severity || 'INFO').toLowerCase();
    li.dataset.alertId = a.alertId;
    li.dataset.severity = a.severity;
    li.append(text('span', 'severity', a.severity), text('strong', 'title', a.title || a.key),
      text('span', 'message', a.message || ''));
    let status = a.state === 'ACKNOWLEDGED'
      ? 'Acknowledged by ' + a.acknowledgedBy + ' · raised ' + age(a.raisedAt)
      : 'Raised ' + age(a.raisedAt);
    if (a.clearedAt) {
      // The condition has gone; the message's figures are as raised. Say so, and when it resolves.
      li.classList.add('clearing');
      status = 'Cleared ' + age(a.clearedAt) + ' · resolves at ' + clock(a.resolvesAt) + ' if it stays clear · '
        + status.charAt(0).toLowerCase() + status.slice(1);
    }
    const when = text('span', 'when', status);
    when.dataset.raisedAt = a.raisedAt;
    li.append(when);
    return li;
  }

  function clock(iso) {
    return iso ? new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : '–';
  }

  function fmtPct(v) { return v === null ? '–' : v.toFixed(1) + '%'; }
  function fmtPair(a, b) { return a === null || b === null ? '–' : a + ' / ' + b; }

  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = () => {
      retryMs = 500;
      connection.textContent = 'Live';
      connection.className = 'connection live';
      ['pressure.trust', 'pressure.system', 'feeds.status', 'alerts'].forEach(channel => {
        const subscribe = { op: 'subscribe', channel: channel };
        if (ics) { subscribe.filter = { ics: ics }; }
        if (lastSeq[channel] !== undefined) {
          subscribe.fromSeq = lastSeq[channel].seq;
          subscribe.epoch = lastSeq[channel].epoch;
        }
        ws.send(JSON.stringify(subscribe));
      });
    };
    ws.onmessage = event => {
      const msg = JSON.parse(event.data);
      const draw = msg.channel === 'feeds.status' ? renderFeed
        : msg.channel === 'pressure.system' ? renderSystem
          : msg.channel === 'alerts' ? renderAlert : render;
      if (msg.kind === 'snapshot') {
        if (msg.channel === 'alerts') { alerts.clear(); drawAlerts(); }
        msg.items.forEach(item => draw(item.key, item.data));
        lastSeq[msg.channel] = { seq: msg.seq, epoch: msg.epoch };
      } else if (msg.kind === 'update') {
        draw(msg.key, msg.data);
        lastSeq[msg.channel] = { seq: msg.seq, epoch: msg.epoch };
      } else if (msg.op === 'error') {
        console.warn('Server refused a request:', msg.code, msg.message);
      }
    };
    ws.onclose = () => {
      connection.textContent = 'Reconnecting…';
      connection.className = 'connection lost';
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  setInterval(() => {
    feedRows.forEach(renderFeedAge);
    if (alerts.size) { drawAlerts(); }
    document.querySelectorAll('.age').forEach(el => {
      el.textContent = 'As at ' + new Date(el.dataset.asAt).toLocaleString('en-GB') + ' (' + age(el.dataset.asAt) + ')';
    });
  }, 30000);

  fetch('/pages/feed-staleness.json').then(r => r.json()).then(limits => {
    staleness = limits;
    feedRows.forEach(renderFeedAge);
  });

  fetch('/pages/occupancy-bands.json').then(r => r.json()).then(table => {
    bands = table.bands;
    document.getElementById('bands').textContent = bands.map(b => b.atMostPct === null
      ? 'above ' + level4(bands) : '≤' + b.atMostPct + '% ' + b.level).join(', ') + ' (table ' + table.version + ')';
  }).finally(connect);

  function level4(all) {
    const last = all.filter(b => b.atMostPct !== null).pop();
    return last.atMostPct + '% ' + all[all.length - 1].level;
  }
}());
