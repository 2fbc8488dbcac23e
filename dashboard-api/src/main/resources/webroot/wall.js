// The wall: one live tile per trust (OPEL level, score, top drivers, a 24-hour trend, the age of its
// figures and a STALE badge), the system banner with its trend, the open alerts, the mutual-aid
// suggestions and the feeds. Signed in (session.js), live over the WebSocket (live.js), which
// reconnects by itself and resumes from the last sequence number seen, so a blip loses nothing.
// A channel the signed-in person's roles do not allow hides its panel.
(function () {
  'use strict';
  const el = GC.el;
  const TREND_HOURS = 24;
  const TREND_BUCKET = 'PT15M';
  const params = new URLSearchParams(location.search);
  const ics = params.get('ics');
  const tilesEl = document.getElementById('tiles');
  const connection = document.getElementById('connection');
  const trusts = new Map();
  let staleLimit;

  document.getElementById('system').textContent = ics ? 'System ' + ics : '';

  // Trust tiles -----------------------------------------------------------------------------------

  function tile(key) {
    let t = trusts.get(key);
    if (t) { return t; }
    const section = el('section', 'tile level-none');
    section.dataset.org = key;
    const link = el('a', 'tile-link');
    link.href = '/wall/trust/' + encodeURIComponent(key);
    const name = el('h2');
    name.append(link);
    const opel = el('div', 'opel');
    opel.append(el('span', 'opel-word', 'OPEL'), el('span', 'opel-number', '–'));
    const head = el('div', 'tile-head');
    const names = el('div', 'names');
    const score = el('p', 'score');
    names.append(name, el('span', 'code'), score);
    head.append(names, opel);
    const beds = el('p', 'beds');
    const drivers = el('ol', 'drivers');
    const trend = el('div', 'trend');
    trend.setAttribute('role', 'img');
    trend.setAttribute('aria-label', 'Score over the last 24 hours');
    const trendCaption = el('p', 'trend-caption', 'Score, last 24 h');
    const age = el('p', 'age');
    section.append(head, beds, drivers, trendCaption, trend, age);
    t = { key: key, section: section, link: link, opel: opel, score: score, beds: beds, drivers: drivers,
      trendCaption: trendCaption, age: age, data: null, chart: null };
    trusts.set(key, t);
    const empty = document.getElementById('empty');
    if (empty) { empty.remove(); }
    const ordered = [...trusts.keys()].sort();
    const next = trusts.get(ordered[ordered.indexOf(key) + 1]);
    tilesEl.insertBefore(section, next ? next.section : null);
    t.chart = new GC.TimeChart(trend, { height: 80, hours: TREND_HOURS, y: [0, 100], compact: true, font: 12,
      series: [{ label: 'score', stroke: '#e8eef8', width: 2 }] });
    loadTrend(t);
    return t;
  }

  async function loadTrend(t) {
    const history = await GC.history(t.key, TREND_HOURS, TREND_BUCKET);
    if (!trusts.has(t.key)) { return; }
    if (history.available) {
      t.chart.history(history.body.score.map(p => [GC.seconds(p.at), p.score === undefined ? null : p.score]),
        TREND_HOURS);
    } else {
      t.trendCaption.textContent = 'Score since this page opened (' + history.note.toLowerCase() + ')';
    }
  }

  function render(key, data) {
    const t = tile(key);
    t.data = data;
    const scored = GC.scored(data);
    const level = scored ? String(data.opelLevel) : 'none';
    t.section.dataset.level = scored ? level : '';
    t.section.classList.remove('level-1', 'level-2', 'level-3', 'level-4', 'level-none');
    t.section.classList.add('level-' + level);
    t.link.textContent = data.orgName || key;
    t.section.querySelector('.code').textContent = key + ' · ' + (data.systemCode || '');
    t.opel.querySelector('.opel-number').textContent = scored ? data.opelLevel : '–';
    t.opel.setAttribute('aria-label', scored ? 'OPEL level ' + data.opelLevel : 'No OPEL level');
    if (scored) {
      t.score.replaceChildren(el('span', 'score-label', 'Score '), el('strong', 'score-value', data.score.toFixed(1)));
      if (data.completeness < 1) {
        t.score.append(el('span', 'completeness', ' on ' + Math.round(data.completeness * 100) + '% of the table'));
      }
      t.chart.add([GC.seconds(data.asAt), data.score]);
      if (data.tableVersion) { document.getElementById('table-version').textContent = data.tableVersion; }
    } else {
      t.score.replaceChildren(el('span', 'score-label', 'No score: no fresh figures'));
    }
    const ga = GC.measure(data, 'gaOccupied');
    const gaOpen = GC.measure(data, 'gaOpen');
    const cc = GC.measure(data, 'criticalCareOccupied');
    const ccOpen = GC.measure(data, 'criticalCareOpen');
    const beds = [];
    if (ga && gaOpen) { beds.push('G&A beds ' + ga.value + ' / ' + gaOpen.value); }
    if (cc && ccOpen) { beds.push('critical care ' + cc.value + ' / ' + ccOpen.value); }
    t.beds.textContent = beds.join(' · ');
    const top = (data.measures || []).filter(m => m.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution).slice(0, 3);
    t.drivers.replaceChildren(...top.map(driver));
    if (!top.length) {
      t.drivers.append(el('li', 'driver none', scored ? 'No parameter above level 1' : 'Nothing fresh to score'));
    }
    renderAge(t);
    t.section.classList.remove('flash');
    void t.section.offsetWidth;
    t.section.classList.add('flash');
  }

  function driver(m) {
    const li = el('li', 'driver level-' + m.level);
    li.append(el('span', 'chip', 'L' + m.level), el('span', 'driver-label', m.label),
      el('strong', 'driver-value', GC.value(m.value, m.unit)), el('span', 'driver-points', '+' + m.contribution.toFixed(1)));
    li.title = m.label + ': ' + GC.value(m.value, m.unit) + ', level ' + m.level + ', adds '
      + m.contribution.toFixed(1) + ' points';
    return li;
  }

  function renderAge(t) {
    const data = t.data;
    const verdict = GC.staleness(data, staleLimit);
    t.section.classList.toggle('stale', verdict.stale);
    t.section.dataset.stale = String(verdict.stale);
    const when = el('span', 'as-at', 'Figures as at ' + GC.clock(data.asAt) + ' · ' + GC.age(data.asAt));
    t.age.replaceChildren(when);
    if (verdict.stale) {
      const badge = el('span', 'badge stale');
      badge.append(el('span', 'icon', '⚠'), ' STALE');
      badge.firstChild.setAttribute('aria-hidden', 'true');
      badge.title = verdict.reason;
      t.age.append(' ', badge);
    }
  }

  function trustSnapshot(items) {
    const keys = new Set(items.map(i => i.key));
    [...trusts.keys()].filter(k => !keys.has(k)).forEach(k => {
      trusts.get(k).chart.destroy();
      trusts.get(k).section.remove();
      trusts.delete(k);
    });
    items.forEach(item => render(item.key, item.data));
  }

  // The system banner: one system's bed-weighted score, or, across systems, the most pressed one.
  const systems = new Map();

  function renderSystem(key, data) {
    systems.set(key, data);
    const shown = [...systems.values()].sort((a, b) => (b.score || 0) - (a.score || 0))[0];
    const banner = document.getElementById('system-pressure');
    const scored = shown.opelLevel !== undefined && shown.opelLevel !== null;
    banner.className = 'system-pressure level-' + (scored ? shown.opelLevel : 'none');
    banner.dataset.level = scored ? shown.opelLevel : '';
    banner.textContent = scored
      ? shown.systemCode + ' OPEL ' + shown.opelLevel + ' · score ' + shown.score.toFixed(1)
        + (shown.highestTrustLevel === 4 ? ' · a trust at OPEL 4' : ' · highest trust OPEL ' + shown.highestTrustLevel)
      : shown.systemCode + ' · no fresh trust scores';
    renderTrend(shown.trend);
  }

  // The trend beside the banner: the score's change over 2 and 4 hours, arrow and sign spelled out.
  function change(value, hours) {
    if (value === undefined || value === null) { return null; }
    const arrow = value > 0 ? '▲ +' : value < 0 ? '▼ −' : '► ';
    return arrow + Math.abs(value).toFixed(1) + ' in ' + hours + ' h';
  }

  function renderTrend(trend) {
    const trendEl = document.getElementById('system-trend');
    const parts = trend ? [change(trend.change2h, 2), change(trend.change4h, 4)].filter(p => p) : [];
    trendEl.className = 'system-trend' + (trend && trend.risingFast ? ' rising-fast' : '');
    trendEl.replaceChildren(parts.join(' · '));
    if (trend && trend.risingFast) { trendEl.append(' ', el('span', 'badge rising', 'RISING FAST')); }
  }

  // The alert ticker: open alerts, those whose condition still holds before those already cleared
  // (waiting to resolve), then most severe, then newest; severity in words and colour.
  const alerts = new Map();
  const SEVERITY_RANK = { CRITICAL: 0, WARNING: 1, INFO: 2 };
  const SHOWN_ALERTS = 8;

  function renderAlert(key, data) {
    if (data.state === 'RESOLVED') { alerts.delete(key); } else { alerts.set(key, data); }
  }

  function drawAlerts() {
    const open = [...alerts.values()].sort((a, b) => (Boolean(a.clearedAt) - Boolean(b.clearedAt))
      || (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      || (Date.parse(b.raisedAt) - Date.parse(a.raisedAt)));
    const list = document.getElementById('alert-list');
    list.replaceChildren(...open.slice(0, SHOWN_ALERTS).map(alertItem));
    if (open.length > SHOWN_ALERTS) {
      list.append(el('li', 'alert more', '+ ' + (open.length - SHOWN_ALERTS) + ' more open alerts'));
    }
    document.getElementById('alert-count').textContent = open.length;
    document.getElementById('no-alerts').hidden = open.length > 0;
  }

  function alertItem(a) {
    const li = el('li', 'alert severity-' + (a.severity || 'INFO').toLowerCase());
    li.dataset.alertId = a.alertId;
    li.dataset.severity = a.severity;
    li.append(el('span', 'severity', a.severity), el('strong', 'title', a.title || a.key),
      el('span', 'message', a.message || ''));
    let status = a.state === 'ACKNOWLEDGED'
      ? 'Acknowledged by ' + a.acknowledgedBy + ' · raised ' + GC.age(a.raisedAt)
      : 'Raised ' + GC.age(a.raisedAt);
    if (a.clearedAt) {
      // The condition has gone; the message's figures are as raised. Say so, and when it resolves.
      li.classList.add('clearing');
      status = 'Cleared ' + GC.age(a.clearedAt) + ' · resolves at ' + GC.clock(a.resolvesAt)
        + ' if it stays clear · ' + status.charAt(0).toLowerCase() + status.slice(1);
    }
    li.append(el('span', 'when', status));
    return li;
  }

  // Mutual-aid suggestions, shown generically: what (title or kind), from whom to whom, and why.
  const suggestions = new Map();

  function drawSuggestions() {
    const list = document.getElementById('aid-list');
    const items = [...suggestions.entries()].sort(([a], [b]) => a.localeCompare(b));
    list.replaceChildren(...items.map(([key, s]) => suggestionItem(key, s)));
    document.getElementById('aid-count').textContent = items.length;
    document.getElementById('no-aid').hidden = items.length > 0;
  }

  function suggestionItem(key, s) {
    const li = el('li', 'aid');
    li.dataset.key = key;
    li.append(el('strong', 'aid-title', s.title || s.kind || key));
    if (s.fromOrgCode || s.toOrgCode) {
      li.append(el('span', 'aid-route', (s.fromOrgCode || '?') + ' → ' + (s.toOrgCode || '?')));
    }
    const why = s.reason || s.summary;
    if (why) { li.append(el('span', 'aid-reason', why)); }
    const at = s.suggestedAt || s.createdAt || s.updatedAt;
    if (at || s.state) {
      li.append(el('span', 'aid-when', [s.state, at ? 'suggested ' + GC.age(at) : null].filter(x => x).join(' · ')));
    }
    return li;
  }

  // Feeds: staleness limits per feed are data (feed-staleness.json); a feed older than its limit is STALE.
  let feedLimits;
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
    row.dataset.refused = data.rejectedToday;
    const refused = el('td', '', data.rejectedToday);
    if (data.rejectedToday > 0) { refused.append(' ', el('span', 'badge refused', 'REFUSED')); }
    row.replaceChildren(el('td', '', data.orgCode), el('td', '', data.feed), el('td'),
      el('td', '', data.acceptedToday), refused, el('td', '', data.lastRejection || ''));
    renderFeedAge(row);
  }

  function renderFeedAge(row) {
    const cell = row.children[2];
    const at = row.dataset.lastReceivedAt;
    if (!at) { cell.replaceChildren(el('span', 'badge no-data', 'NO DATA')); return; }
    const minutes = (Date.now() - Date.parse(at)) / 60000;
    const limit = feedLimits.minutes[row.dataset.feedName] || feedLimits.defaultMinutes;
    cell.replaceChildren(GC.age(at));
    if (minutes > limit) { cell.append(' ', el('span', 'badge stale', '⚠ STALE')); }
  }

  // Feed health beside the tiles: how many feeds report, and each one that is stale, silent or refused today.
  const SHOWN_PROBLEMS = 10;

  function drawFeedHealth() {
    const problems = [];
    feedRows.forEach(row => {
      const at = row.dataset.lastReceivedAt;
      const limit = feedLimits.minutes[row.dataset.feedName] || feedLimits.defaultMinutes;
      const stale = !at || (Date.now() - Date.parse(at)) / 60000 > limit;
      const refused = Number(row.dataset.refused) > 0;
      if (stale || refused) { problems.push({ row: row, at: at, stale: stale, refused: refused }); }
    });
    const stale = problems.filter(p => p.stale).length;
    const refused = problems.filter(p => p.refused).length;
    document.getElementById('health-count').textContent = problems.length;
    document.getElementById('health-summary').textContent = feedRows.size + ' feeds · ' + stale + ' stale or silent · '
      + refused + ' with refusals today';
    const list = document.getElementById('health-list');
    list.replaceChildren(...problems.slice(0, SHOWN_PROBLEMS).map(p => {
      const li = el('li', 'health');
      li.dataset.feed = p.row.dataset.feed;
      li.append(el('strong', 'health-feed', p.row.dataset.feed.replace('/', ' · ')));
      if (p.stale) { li.append(el('span', 'badge stale', p.at ? '⚠ STALE' : 'NO DATA')); }
      if (p.refused) { li.append(el('span', 'badge refused', 'REFUSED ' + p.row.dataset.refused)); }
      li.append(el('span', 'health-when', p.at ? 'last data ' + GC.age(p.at) : 'no data yet'));
      return li;
    }));
    if (problems.length > SHOWN_PROBLEMS) {
      list.append(el('li', 'health more', '+ ' + (problems.length - SHOWN_PROBLEMS) + ' more: see All feeds below'));
    }
  }

  // Live -------------------------------------------------------------------------------------------

  const PANELS = { 'pressure.trust': ['tiles-panel'], 'pressure.system': ['system-panel'], 'alerts': ['alerts'],
    'mutual-aid': ['mutual-aid'], 'feeds.status': ['feed-health', 'feeds-panel'] };

  function apply(channel, key, data) {
    if (channel === 'pressure.trust') { render(key, data); }
    if (channel === 'pressure.system') { renderSystem(key, data); }
    if (channel === 'alerts') { renderAlert(key, data); drawAlerts(); }
    if (channel === 'mutual-aid') { suggestions.set(key, data); drawSuggestions(); }
    if (channel === 'feeds.status') { renderFeed(key, data); drawFeedHealth(); }
  }

  function snapshot(channel, items) {
    if (channel === 'pressure.trust') {
      trustSnapshot(items);
      return;
    }
    if (channel === 'alerts') { alerts.clear(); }
    if (channel === 'mutual-aid') { suggestions.clear(); }
    if (channel === 'pressure.system') { systems.clear(); }
    items.forEach(item => apply(channel, item.key, item.data));
    if (channel === 'alerts') { drawAlerts(); }
    if (channel === 'mutual-aid') { drawSuggestions(); }
  }

  function tick() {
    document.getElementById('clock').textContent = new Date().toLocaleTimeString('en-GB',
      { hour: '2-digit', minute: '2-digit' });
    trusts.forEach(t => { if (t.data) { renderAge(t); } });
    feedRows.forEach(renderFeedAge);
    drawFeedHealth();
    if (alerts.size) { drawAlerts(); }
  }

  async function prepare() {
    await GC.session.signedIn();
    [feedLimits, staleLimit] = await Promise.all([
      fetch('/pages/feed-staleness.json').then(r => r.json()), GC.trustStaleness()]);
  }

  async function start() {
    await GC.untilReady(prepare, connection);
    GC.session.badge(document.getElementById('who'));
    document.getElementById('stale-limit').textContent = staleLimit;
    tick();
    setInterval(tick, 5000);
    setInterval(() => trusts.forEach(t => t.chart.draw()), 60000);
    GC.live({
      channels: ['pressure.trust', 'pressure.system', 'alerts', 'mutual-aid', 'feeds.status'],
      filter: ics ? { ics: ics } : null,
      onSnapshot: snapshot,
      onUpdate: apply,
      onForbidden: channel => PANELS[channel].forEach(id => { document.getElementById(id).hidden = true; }),
      onState: (state, text) => {
        connection.className = 'connection ' + state;
        connection.textContent = text;
      }
    });
  }

  start();
}());
